/**
 * The account's legacy roles (`GET /accounts/{id}/roles`): deprecated in favour of permission
 * groups but still served (fact 78), and the only place that names the role ids members hold.
 */
import { z } from "zod";
import { apiPath, listAllPages, looseBoolean, optional, PAGE_SIZE } from "../provider/client";
import { oncePerAccount } from "../provider/client/once";

/** What a member holding the role may do: per resource type, read and edit. */
export interface LegacyRole {
  id: string;
  name: string;
  description: string;
  /** Only the resource types it grants something on. */
  permissions: Record<string, { read: boolean; edit: boolean }>;
}

/** fact 78 says "edit/read flags"; Cloudflare's SDKs call the second one `write` (fact 73): either is read. */
const apiGrant = z.object({ read: looseBoolean, edit: looseBoolean, write: looseBoolean });

export const apiRole = z.object({
  id: z.string(),
  name: optional(z.string()),
  description: optional(z.string()),
  // A grant or a whole `permissions` of a shape we do not know reads as no grant, never a failure.
  permissions: optional(z.record(z.string(), apiGrant.nullable().catch(null))).catch(undefined),
});

export function toLegacyRole(api: z.infer<typeof apiRole>): LegacyRole {
  const grants = Object.entries(api.permissions ?? {}).flatMap(([type, grant]) => {
    const read = grant?.read ?? false;
    const edit = grant?.edit ?? grant?.write ?? false;
    return read || edit ? [[type, { read, edit }] as const] : [];
  });
  return { id: api.id, name: api.name ?? "", description: api.description ?? "", permissions: Object.fromEntries(grants) };
}

export const allLegacyRoles = oncePerAccount((client, accountId) =>
  listAllPages(client, apiPath`/accounts/${accountId}/roles`, apiRole, PAGE_SIZE.roles).then((roles) => roles.map(toLegacyRole)),
);
