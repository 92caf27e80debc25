/**
 * Turns the names in an access description into ids, against the account's catalogues, and
 * reports every name that does not resolve with the file and the entry it came from.
 */
import type { AccountMember } from "../../account/account-members";
import type { PermissionGroup } from "../../account/permission-groups";
import { quote } from "../../provider/framework/quote";
import { type AccessSpec, AccessSpecError, entryLabel } from "./spec";

const hexId = /^[0-9a-f]{32}$/;

export interface Catalogues {
  permissionGroups: PermissionGroup[];
  members: AccountMember[];
}

export interface ResolvedUserGroup {
  /** Per policy: permission group ids; resource groups stay as written (names or ids). */
  permissionGroupIds: string[][];
  /** Member ids, or undefined when the entry does not manage membership. */
  memberIds?: string[];
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
    const members = group.members?.map((member) => {
      const id = memberIds.has(member) ? member : memberByEmail.get(member.toLowerCase());
      if (!id) problems.push(`${where}.members: ${quote(member)} is not a member of the account`);
      return id ?? "";
    });
    return { permissionGroupIds, memberIds: members };
  });
  if (problems.length) throw new AccessSpecError(source, problems);
  return resolved;
}
