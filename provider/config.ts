/**
 * Where the provider finds its endpoint, token and account at run time: stack config first
 * (`cloudflare:apiToken`, `cloudflare:baseUrl`, `cloudflare:accountId`), then the environment.
 * Nothing here is ever stored in a resource's inputs, outputs or serialized provider.
 */
export const DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface ApiSettings {
  baseUrl: string;
  token: string;
}

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

const emptyConfig: ConfigSource = { get: () => undefined };

function firstSet(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => v !== undefined && v.trim() !== "")?.trim();
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The token is only ever sent over https, or to this machine (the emulator). */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(`cloudflare:baseUrl / CLOUDFLARE_BASE_URL ${JSON.stringify(baseUrl)} is not a URL`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    throw new ConfigurationError(
      `refusing to send the API token to ${url.origin}: the base URL must use https, or plain http only to a loopback address (localhost, 127.0.0.1, ::1)`,
    );
  }
  return baseUrl;
}

export function resolveApiSettings(config: ConfigSource = emptyConfig, env: NodeJS.ProcessEnv = process.env): ApiSettings {
  const token = firstSet(config.get("cloudflare:apiToken"), env.CLOUDFLARE_API_TOKEN);
  if (!token) {
    throw new ConfigurationError(
      "no Cloudflare API token: set it with `pulumi config set --secret cloudflare:apiToken <token>` or the CLOUDFLARE_API_TOKEN environment variable",
    );
  }
  const baseUrl = checkBaseUrl(firstSet(config.get("cloudflare:baseUrl"), env.CLOUDFLARE_BASE_URL) ?? DEFAULT_BASE_URL);
  return { baseUrl, token };
}

export function resolveAccountId(config: ConfigSource = emptyConfig, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return firstSet(config.get("cloudflare:accountId"), env.CLOUDFLARE_ACCOUNT_ID);
}
