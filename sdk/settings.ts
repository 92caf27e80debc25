/** Settings as the Pulumi program sees them: stack config (`cloudflare-iam:*`, then `cloudflare:*`), then the environment. */
import * as pulumi from "@pulumi/pulumi";
import type { CloudflareClient } from "../provider/client";
import { type ConfigSource, describeSetting, LEGACY_ACCOUNT_WARNING, resolveAccountId, resolveApiSettings, SETTINGS } from "../provider/config";
import { cloudflareId } from "../provider/resources/common";
import { clientFor } from "../provider/runtime";

/** Reads stack config, secret or not, without Pulumi's "use getSecret" warnings. */
const stackConfig: ConfigSource = { get: (key) => pulumi.runtime.getConfig(key) };

let warnedLegacy = false;

/** The default account: `cloudflare-iam:accountId`; `cloudflare:accountId` still works, with one warning per run. */
export function programAccountId(): string | undefined {
  const { accountId, legacy } = resolveAccountId(stackConfig);
  if (legacy && !warnedLegacy) {
    warnedLegacy = true;
    void pulumi.log.warn(LEGACY_ACCOUNT_WARNING);
  }
  return accountId;
}

export function requireAccountId(accountId: string | undefined): string {
  const resolved = accountId ?? programAccountId();
  if (!resolved) throw new Error(`accountId is required: pass it, or set ${describeSetting(SETTINGS.accountId)}`);
  const valid = cloudflareId.safeParse(resolved);
  if (!valid.success) throw new Error(`accountId ${JSON.stringify(resolved)} ${valid.error.issues[0].message}`);
  return resolved;
}

/** The program's API client, for data sources. */
export function programClient(): CloudflareClient {
  return clientFor(resolveApiSettings(stackConfig));
}
