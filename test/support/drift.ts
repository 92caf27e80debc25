/** Drifted resources and audit-log entries as the drift tests build them. */
import type { AuditEntry } from "../../account/audit-log";
import type { DriftedResource, Kind } from "../../drift/preview";

export const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
export const GROUP = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
export const MEMBER = "5a42231814c89b8a8604ef32dcd97133";
export const STACK_TOKEN = "7c0ffee0000000000000000000000001";
export const WRITTEN = new Date("2026-12-02T10:00:00Z");

export function resource(kind: Kind, id: string, stack: Record<string, unknown>, live: Record<string, unknown> | undefined): DriftedResource {
  return {
    urn: `urn:pulumi:s::p::pulumi-nodejs:dynamic/cloudflare-iam:${kind}::r`,
    type: `pulumi-nodejs:dynamic/cloudflare-iam:${kind}`,
    kind,
    name: "r",
    id,
    stack,
    live,
    stackModified: WRITTEN,
  };
}

export const userGroup = (live: Record<string, unknown> = { name: "SRE-old" }) => resource("UserGroup", GROUP, { name: "SRE" }, live);

/** A v2 entry: a PUT of the group by `actor`, 11:00 UTC, unless told otherwise. */
export function entry(actor: NonNullable<AuditEntry["actor"]>, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: "e1",
    action: { time: "2026-12-02T11:00:00Z", type: "update", result: "success" },
    actor,
    raw: { cf_ray_id: "8f2c1a2b3c4d5e6f-SJC", method: "PUT", uri: `/accounts/${ACCOUNT}/iam/user_groups/${GROUP}`, user_agent: "Mozilla/5.0" },
    resource: { id: GROUP, type: "unknown", product: "unknown" },
    ...overrides,
  };
}

export const alice = { context: "dash", type: "user", email: "alice@example.com" };
export const scim = { context: "api_token", type: "account", token_id: "5c1a", token_name: "Okta SCIM Provisioning" };
export const stackToken = { context: "api_token", type: "account", token_id: STACK_TOKEN, token_name: "deploy" };
