/**
 * Where the provider finds its endpoint, token and account at run time. The package's own
 * settings live in its own namespace, `cloudflare-iam:*`: bridged providers such as
 * @pulumi/cloudflare refuse unknown keys in theirs ("Invalid or unknown key"). The token and
 * base URL fall back to `cloudflare:apiToken` and `cloudflare:baseUrl`, keys @pulumi/cloudflare
 * accepts, so one secret serves both; then to the environment. Nothing here is ever stored in a
 * resource's inputs, outputs or serialized provider.
 */
export const DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

export const NAMESPACE = "cloudflare-iam";

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

/** One setting: its keys in the order they are read, then its environment variable. */
interface Setting {
  keys: string[];
  env: string;
}

export const SETTINGS = {
  apiToken: { keys: [`${NAMESPACE}:apiToken`, "cloudflare:apiToken"], env: "CLOUDFLARE_API_TOKEN" },
  baseUrl: { keys: [`${NAMESPACE}:baseUrl`, "cloudflare:baseUrl"], env: "CLOUDFLARE_BASE_URL" },
  accountId: { keys: [`${NAMESPACE}:accountId`], env: "CLOUDFLARE_ACCOUNT_ID" },
} satisfies Record<string, Setting>;

/** Read before the environment, for stacks written before the namespace; not a key of @pulumi/cloudflare. */
export const LEGACY_ACCOUNT_KEY = "cloudflare:accountId";

export const LEGACY_ACCOUNT_WARNING = `the stack config key ${LEGACY_ACCOUNT_KEY} is deprecated, and @pulumi/cloudflare refuses it as an unknown key: rename it with \`pulumi config rm ${LEGACY_ACCOUNT_KEY} && pulumi config set ${NAMESPACE}:accountId <id>\``;

const emptyConfig: ConfigSource = { get: () => undefined };

function firstSet(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => v !== undefined && v.trim() !== "")?.trim();
}

const read = (setting: Setting, config: ConfigSource, env: NodeJS.ProcessEnv) => firstSet(...setting.keys.map((key) => config.get(key)), env[setting.env]);

/** "`cloudflare-iam:apiToken` (or `cloudflare:apiToken`) or the CLOUDFLARE_API_TOKEN environment variable" */
export const describeSetting = (setting: Setting) => `\`${setting.keys[0]}\`${setting.keys[1] ? ` (or \`${setting.keys[1]}\`)` : ""} or the ${setting.env} environment variable`;

/** The advice a refused token (401, 403) gets: where it came from, which only the caller knows. */
export const TOKEN_ADVICE = {
  /** The provider and the program read the stack config first. */
  stack: `Check the API token: ${describeSetting(SETTINGS.apiToken)}`,
  /** The CLI reads the environment alone. */
  environment: `Check the API token: the ${SETTINGS.apiToken.env} environment variable`,
};

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
    throw new ConfigurationError(`the base URL ${JSON.stringify(baseUrl)} (${describeSetting(SETTINGS.baseUrl)}) is not a URL`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    throw new ConfigurationError(
      `refusing to send the API token to ${url.origin}: the base URL must use https, or plain http only to a loopback address (localhost, 127.0.0.1, ::1)`,
    );
  }
  return baseUrl;
}

export function resolveApiSettings(config: ConfigSource = emptyConfig, env: NodeJS.ProcessEnv = process.env): ApiSettings {
  const token = read(SETTINGS.apiToken, config, env);
  if (!token) {
    throw new ConfigurationError(
      `no Cloudflare API token: set it with \`pulumi config set --secret ${SETTINGS.apiToken.keys[0]} <token>\` (or \`${SETTINGS.apiToken.keys[1]}\`, shared with @pulumi/cloudflare), or the ${SETTINGS.apiToken.env} environment variable`,
    );
  }
  return { baseUrl: checkBaseUrl(read(SETTINGS.baseUrl, config, env) ?? DEFAULT_BASE_URL), token };
}

export interface AccountSetting {
  accountId?: string;
  /** Set when the value came from the deprecated `cloudflare:accountId`. */
  legacy: boolean;
}

export function resolveAccountId(config: ConfigSource = emptyConfig, env: NodeJS.ProcessEnv = process.env): AccountSetting {
  const current = firstSet(config.get(SETTINGS.accountId.keys[0]));
  if (current) return { accountId: current, legacy: false };
  const legacy = firstSet(config.get(LEGACY_ACCOUNT_KEY));
  if (legacy) return { accountId: legacy, legacy: true };
  return { accountId: firstSet(env[SETTINGS.accountId.env]), legacy: false };
}
