/**
 * Turns the names in an access description into ids, against the account's catalogues, and
 * reports every name that does not resolve with the file and the entry it came from.
 */

import { z } from "zod";
import type { AccountMember } from "../../account/account-members";
import type { PermissionGroup } from "../../account/permission-groups";
import { quote } from "../../provider/framework/quote";
import { type AccessSpec, AccessSpecError, entryLabel, type MemberRef } from "./spec";

const hexId = /^[0-9a-f]{32}$/;
const isEmail = (value: string) => z.string().email().safeParse(value).success;

/** The email or id a group's member entry names. */
export const refOf = (ref: MemberRef): string => (typeof ref === "string" ? ref : ref.email);

/** Whether the file invites this person when they are not in the account: their own `invite`, else the file's. */
export const invites = (spec: AccessSpec, ref: MemberRef): boolean => isEmail(refOf(ref)) && ((typeof ref === "string" ? undefined : ref.invite) ?? spec.members?.invite ?? false);

/** A person a group names, resolved: a current membership, or an address the component invites. */
export type ResolvedMember = { id: string } | { invite: string };

export interface Catalogues {
  permissionGroups: PermissionGroup[];
  members: AccountMember[];
}

export interface ResolvedUserGroup {
  /** Per policy: permission group ids; resource groups stay as written (names or ids). */
  permissionGroupIds: string[][];
  /** The group's people, or undefined when the entry does not manage membership. */
  members?: ResolvedMember[];
}

export function resolveNames(spec: AccessSpec, catalogues: Catalogues, source: string): ResolvedUserGroup[] {
  const problems: string[] = [];
  const byName = new Map<string, PermissionGroup[]>();
  for (const group of catalogues.permissionGroups) byName.set(group.name, [...(byName.get(group.name) ?? []), group]);
  const memberByEmail = new Map(catalogues.members.map((m) => [m.email.toLowerCase(), m.id]));
  const memberIds = new Set(catalogues.members.map((m) => m.id));

  const resolved = spec.userGroups.map((group, g) => {
    const where = entryLabel("userGroups", g, group.name);
    const permissionGroupIds = group.policies.map((policy, p) =>
      policy.permissionGroups.map((name) => {
        if (hexId.test(name) && catalogues.permissionGroups.some((pg) => pg.id === name)) return name;
        const matches = byName.get(name) ?? [];
        if (matches.length !== 1) {
          problems.push(
            matches.length
              ? `${where}.policies[${p}]: ${matches.length} permission groups are named ${quote(name)}; use one of their ids: ${matches.map((m) => m.id).join(", ")}`
              : `${where}.policies[${p}]: unknown permission group ${quote(name)}`,
          );
        }
        return matches[0]?.id ?? "";
      }),
    );
    const members = group.members?.map((ref): ResolvedMember => {
      const member = refOf(ref);
      const id = memberIds.has(member) ? member : memberByEmail.get(member.toLowerCase());
      if (id) return { id };
      if (invites(spec, ref)) return { invite: member.toLowerCase() };
      // fact 50: someone not in the account cannot join a group; an address can be invited.
      const hint = isEmail(member) ? "; to invite them, write {email, invite: true} or set members.invite: true" : "";
      problems.push(`${where}.members: ${quote(member)} is not a member of the account${hint}`);
      return { id: "" };
    });
    return { permissionGroupIds, members };
  });
  if (problems.length) throw new AccessSpecError(source, problems);
  return resolved;
}
