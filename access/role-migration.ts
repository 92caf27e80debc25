/**
 * The move from legacy roles to permission-group policies (fact 78: the roles API is deprecated),
 * member by member: a role with an equivalent permission group (fact 77) becomes a policy granting
 * that group on the whole account, which is how the API already answers it (fact 62); a role with
 * none is kept as a role. A pure function of an account: `generate` writes it as code,
 * `migrate-roles` prints it, and neither changes anything.
 */
import type { PermissionGroup } from "../account/permission-groups";
import type { AccountSnapshot, SnapshotMember, SnapshotPolicy } from "../account/snapshot";
import { policyTargets } from "./effective";
import { isAccountWide } from "./risk";
import { echoesPolicy, roleEquivalent } from "./roles";
import { name, type Text, text } from "./text";

/** A role a member holds: its name is empty when the roles API could not be read. */
export interface HeldRole {
  id: string;
  name: string;
}

/** A role that becomes a policy of its equivalent permission group on the whole account. */
export interface RoleMove {
  role: HeldRole;
  permissionGroup: PermissionGroup;
  /** Whether the member already reads back with that policy (fact 62), so stating it writes nothing. */
  mirrored: boolean;
}

/**
 * Why a role stays a role: no equivalent permission group is known; or one is, but no resource
 * group covering the whole account was read to grant it on (fact 9); or the member also holds a
 * role kept for one of those reasons, and a member's policies replace all its roles (facts 63, 64);
 * or the member is left out of the program.
 */
export type KeptReason = "no-equivalent" | "no-whole-account-group" | "beside-a-kept-role" | "member-left-out";

export interface KeptRole {
  role: HeldRole;
  reason: KeptReason;
}

/**
 * Why a member is not written: its code could not state all it holds, and a `PUT` of what the code
 * states replaces the rest (fact 64). It holds a policy written with an inline scope (fact 24),
 * which an account member's policy cannot name (fact 61); or a role that must stay beside a policy
 * of its own, and code states roles or policies, never both (fact 63).
 */
export type LeftOutReason = "inline-scope" | "roles-beside-policies";

/** What the member's AccountMember states: one dimension, never both (fact 63); or why there is none. */
export type Managed = { policies: SnapshotPolicy[] } | { roles: string[] } | { leftOut: LeftOutReason };

export interface MemberMigration {
  member: SnapshotMember;
  moves: RoleMove[];
  kept: KeptRole[];
  manages: Managed;
}

/** A policy that grants one of these permission groups, allow, on the whole account: what the API mirrors a role into (fact 62). */
function grantsOnAccount(policy: SnapshotPolicy, permissionGroupIds: string[], account: AccountSnapshot): boolean {
  return (
    policy.access === "allow" && permissionGroupIds.some((id) => policy.permissionGroups.includes(id)) && policyTargets(policy).some((target) => isAccountWide(target, account))
  );
}

/** fact 9: the predefined resource group that covers the whole account, where a role's equivalent applies. */
const wholeAccountGroup = (account: AccountSnapshot) => account.resourceGroups.find((g) => g.system && isAccountWide({ resourceGroupId: g.id }, account));

/** What becomes of one role: a move, or the reason it cannot move whatever else the member holds. */
function roleFate(account: AccountSnapshot, member: SnapshotMember, role: HeldRole): RoleMove | KeptReason {
  const permissionGroup = role.name ? roleEquivalent(role, account.permissionGroups) : undefined;
  if (!permissionGroup) return "no-equivalent";
  const mirrored = member.policies.some((p) => grantsOnAccount(p, [permissionGroup.id], account));
  return mirrored || wholeAccountGroup(account) ? { role, permissionGroup, mirrored } : "no-whole-account-group";
}

function leftOut(member: SnapshotMember, held: HeldRole[], reason: LeftOutReason): MemberMigration {
  return { member, moves: [], kept: held.map((role) => ({ role, reason: "member-left-out" })), manages: { leftOut: reason } };
}

function memberMigration(account: AccountSnapshot, member: SnapshotMember): MemberMigration {
  const held = member.roles.filter((id) => !echoesPolicy(id, account.permissionGroups)).map((id) => ({ id, name: account.roles.find((r) => r.id === id)?.name ?? "" }));
  if (member.policies.some((p) => p.scopes.length)) return leftOut(member, held, "inline-scope");
  const fates = held.map((role) => ({ role, fate: roleFate(account, member, role) }));
  const moves = fates.flatMap(({ fate }) => (typeof fate === "string" ? [] : [fate]));
  if (moves.length < fates.length) {
    const mirrors = moves.map((m) => m.permissionGroup.id);
    const isMirror = (p: SnapshotPolicy) => grantsOnAccount(p, mirrors, account) && p.permissionGroups.every((id) => mirrors.includes(id));
    if (!member.policies.every(isMirror)) return leftOut(member, held, "roles-beside-policies");
    return {
      member,
      moves: [],
      kept: fates.map(({ role, fate }) => ({ role, reason: typeof fate === "string" ? fate : "beside-a-kept-role" })),
      // The roles as the API answers them: every policy it holds is one of their mirrors (fact 62).
      manages: { roles: member.roles },
    };
  }
  // The policies as the API answers them (each mirror in whatever shape it takes), and each role's it does not answer yet.
  const wholeAccount = wholeAccountGroup(account)?.id;
  const missing = moves.filter((m) => !m.mirrored).map((m) => ({ access: "allow", permissionGroups: [m.permissionGroup.id], resourceGroups: [wholeAccount!], scopes: [] }));
  return { member, moves, kept: [], manages: { policies: [...member.policies, ...missing] } };
}

/** Every member holding a role or a policy of its own, by email: what `generate` writes as AccountMember. */
export function roleMigration(account: AccountSnapshot): MemberMigration[] {
  return account.members
    .filter((m) => m.roles.length || m.policies.length)
    .map((m) => memberMigration(account, m))
    .sort((a, b) => a.member.email.localeCompare(b.member.email) || a.member.id.localeCompare(b.member.id));
}

/** The members the migration is about: those holding a legacy role. */
export const roleHolders = (plan: MemberMigration[]) => plan.filter((m) => m.moves.length || m.kept.length);

const roleName = (role: HeldRole) => name(role.name || role.id);
/** fact 77: the label (`admin`, `all_privileges`) is how Cloudflare's own tests find the group. */
const permissionGroupName = (g: PermissionGroup): Text => (g.label ? text`permission group ${name(g.name)} (${name(g.label)})` : text`permission group ${name(g.name)}`);

const KEPT: Record<KeptReason, string> = {
  "no-equivalent": "kept as a role: no equivalent permission group is known",
  "no-whole-account-group": "kept as a role: no resource group covering the whole account was read to grant its equivalent on",
  "beside-a-kept-role": "kept as a role: the member holds a role that must stay, and policies would replace every role (fact 63)",
  "member-left-out": "stays a role: the member is left out of the program",
};

const LEFT_OUT: Record<LeftOutReason, string> = {
  "inline-scope": "it holds a policy written with an inline scope (fact 24), which an account member's policy cannot name (fact 61)",
  "roles-beside-policies":
    "it holds a role that must stay beside a policy of its own; code states roles or policies, never both (fact 63), and a PUT of either replaces what it holds (fact 64)",
};

/** What happens to each of a member's roles, a line each, then why it is left out, if it is: our words, names kept apart. */
export function migrationLines(migration: MemberMigration): Text[] {
  return [
    ...migration.moves.map((m) =>
      m.mirrored
        ? text`role ${roleName(m.role)} → ${permissionGroupName(m.permissionGroup)} on the whole account (the API already answers it so: nothing to write)`
        : text`role ${roleName(m.role)} → ${permissionGroupName(m.permissionGroup)} on the whole account (not yet answered as a policy: up writes it)`,
    ),
    ...migration.kept.map((k) => text`role ${roleName(k.role)} ${KEPT[k.reason]}`),
    ...("leftOut" in migration.manages ? [text`not written, so its roles and policies stay as the account holds them: ${LEFT_OUT[migration.manages.leftOut]}`] : []),
  ];
}
