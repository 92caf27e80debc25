import { createHash, randomBytes } from "node:crypto";

/** A fresh Cloudflare-style identifier: 32 lowercase hex characters. */
export function newId(): string {
  return randomBytes(16).toString("hex");
}

/** A stable identifier derived from a name, so seeded objects keep their ids across restarts. */
export function stableId(namespace: string, name: string): string {
  return createHash("sha256").update(`${namespace}:${name}`).digest("hex").slice(0, 32);
}

export function newSecret(): string {
  return `cfoauth_${randomBytes(24).toString("base64url")}`;
}

export function now(): string {
  return new Date().toISOString();
}
