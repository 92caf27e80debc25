/**
 * The roles-to-policies plan as `migrate-roles` prints it: for a terminal, in Markdown, or as
 * JSON. Every name is rendered as the review renders it (./inert): in the terminal as the review's
 * diff block shows names, in Markdown as code spans, in JSON with hidden characters escaped.
 */
import { inertJson, literal } from "./inert";
import { inBlock, prose } from "./markdown";
import { type MemberMigration, migrationLines, roleHolders } from "./role-migration";
import { name, type Text, text } from "./text";

export interface PlanHeader {
  accountId: string;
  /** Why the roles could not be read, when they could not: then no role can be named or moved. */
  rolesUnknown?: string;
}

/** How the plan is applied: the same reviewed `up` as any change (docs/roles-migration.md). */
export const APPLY =
  "This command changes nothing. To apply the plan: write the program with cloudflare-iam generate --format typescript, " +
  "review its pulumi preview --json with cloudflare-iam review, and run pulumi up.";

function summary(header: PlanHeader, holders: MemberMigration[]): Text[] {
  const count = holders.length === 1 ? "1 member holds" : `${holders.length} members hold`;
  return [
    holders.length
      ? text`Roles to policies in account ${name(header.accountId)}: ${count} legacy roles.`
      : text`No member of account ${name(header.accountId)} holds a legacy role.`,
    ...(header.rolesUnknown ? [text`The account's roles could not be read (${header.rolesUnknown}): no role is named or moved.`] : []),
  ];
}

/** For a terminal: names as the review's diff block writes them, plain or as a quoted literal. */
export function planText(header: PlanHeader, plan: MemberMigration[]): string {
  const holders = roleHolders(plan);
  const members = holders.flatMap((m) => ["", literal(m.member.email), ...migrationLines(m).map((line) => `  ${inBlock(line)}`)]);
  return [...summary(header, holders).map(inBlock), ...members, "", APPLY, ""].join("\n");
}

/** In Markdown, as the review's prose: every name a code span. */
export function planMarkdown(header: PlanHeader, plan: MemberMigration[]): string {
  const holders = roleHolders(plan);
  const members = holders.flatMap((m) => [`- ${prose([name(m.member.email)])}`, ...migrationLines(m).map((line) => `  - ${prose(line)}`)]);
  return ["### Roles to policies", "", ...summary(header, holders).map(prose), "", ...members, ...(members.length ? [""] : []), prose([APPLY]), ""].join("\n");
}

/** As data: each role's fate by id and name. */
export function planJson(header: PlanHeader, plan: MemberMigration[]): string {
  return inertJson({
    accountId: header.accountId,
    rolesUnknown: header.rolesUnknown ?? null,
    members: roleHolders(plan).map(({ member, moves, kept, manages }) => ({
      id: member.id,
      email: member.email,
      status: member.status,
      moves: moves.map((m) => ({
        roleId: m.role.id,
        roleName: m.role.name,
        permissionGroupId: m.permissionGroup.id,
        permissionGroupName: m.permissionGroup.name,
        mirrored: m.mirrored,
      })),
      kept: kept.map((k) => ({ roleId: k.role.id, roleName: k.role.name, reason: k.reason })),
      leftOut: "leftOut" in manages ? manages.leftOut : null,
    })),
  });
}
