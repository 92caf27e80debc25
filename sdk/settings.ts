/** Settings as the Pulumi program sees them: stack config (`cloudflare:*`), then the environment. */
import * as pulumi from "@pulumi/pulumi";
import { CloudflareClient } from "../provider/client";
import { ConfigSource, resolveAccountId, resolveApiSettings } from "../provider/config";

/** Reads `cloudflare:*` config, secret or not, without Pulumi's "use getSecret" warnings. */
const stackConfig: ConfigSource = { get: (key) => pulumi.runtime.getConfig(key) };

export function programAccountId(): string | undefined {
  return resolveAccountId(stackConfig);
}

export function requireAccountId(accountId: string | undefined): string {
  const resolved = accountId ?? programAccountId();
  if (!resolved) throw new Error("accountId is required: pass it, or set cloudflare:accountId or CLOUDFLARE_ACCOUNT_ID");
  if (!/^[0-9a-f]{32}$/.test(resolved)) throw new Error(`accountId ${JSON.stringify(resolved)} must be a Cloudflare id: 32 lowercase hex characters`);
  return resolved;
}

let client: { key: string; client: CloudflareClient } | undefined;

/** The program's API client, for data sources; `key` identifies endpoint and token for caching. */
export function programClient(): { key: string; client: CloudflareClient } {
  const settings = resolveApiSettings(stackConfig);
  const key = `${settings.baseUrl}\n${settings.token}`;
  if (client?.key !== key) client = { key, client: new CloudflareClient(settings) };
  return client;
}
