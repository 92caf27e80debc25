/** Settings as the Pulumi program sees them: stack config (`cloudflare:*`), then the environment. */
import * as pulumi from "@pulumi/pulumi";
import { CloudflareClient } from "../provider/client";
import { ConfigSource, resolveAccountId, resolveApiSettings } from "../provider/config";
import { cloudflareId } from "../provider/resources/common";
import { clientFor } from "../provider/runtime";

/** Reads `cloudflare:*` config, secret or not, without Pulumi's "use getSecret" warnings. */
const stackConfig: ConfigSource = { get: (key) => pulumi.runtime.getConfig(key) };

export function programAccountId(): string | undefined {
  return resolveAccountId(stackConfig);
}

export function requireAccountId(accountId: string | undefined): string {
  const resolved = accountId ?? programAccountId();
  if (!resolved) throw new Error("accountId is required: pass it, or set cloudflare:accountId or CLOUDFLARE_ACCOUNT_ID");
  const valid = cloudflareId.safeParse(resolved);
  if (!valid.success) throw new Error(`accountId ${JSON.stringify(resolved)} ${valid.error.issues[0].message}`);
  return resolved;
}

/** The program's API client, for data sources. */
export function programClient(): CloudflareClient {
  return clientFor(resolveApiSettings(stackConfig));
}
