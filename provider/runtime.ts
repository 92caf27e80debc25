/**
 * Run-time state of the provider process: the stack config handed to `configure`, and API
 * clients built from it on first use. Lives only in the provider process, never in state.
 */
import { CloudflareClient } from "./client";
import { type ApiSettings, type ConfigSource, resolveAccountId, resolveApiSettings } from "./config";

let stackConfig: ConfigSource | undefined;
const clients = new Map<string, CloudflareClient>();

export function configure(config: ConfigSource | undefined): void {
  stackConfig = config;
}

/** One client per endpoint and token, reused across calls in this process (provider or program). */
export function clientFor(settings: ApiSettings): CloudflareClient {
  const key = `${settings.baseUrl}\n${settings.token}`;
  let client = clients.get(key);
  if (!client) {
    client = new CloudflareClient(settings);
    clients.set(key, client);
  }
  return client;
}

/** The provider's client, from the stack config handed to `configure` (then the environment). */
export function apiClient(): CloudflareClient {
  return clientFor(resolveApiSettings(stackConfig));
}

export function defaultAccountId(): string | undefined {
  return resolveAccountId(stackConfig).accountId;
}
