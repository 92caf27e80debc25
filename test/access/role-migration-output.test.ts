/** The plan `migrate-roles` prints: its words, and names as the review renders them (inert in a terminal, in Markdown, in JSON). */

import { roleMigration } from "../../access/role-migration";
import { planJson, planMarkdown, planText } from "../../access/role-migration-output";
import type { AccountSnapshot, SnapshotPolicy } from "../../account/snapshot";

const ACCOUNT = "a".repeat(32);
const onAccount = (pg: string): SnapshotPolicy => ({ access: "allow", permissionGroups: [pg], resourceGroups: ["rg-account"], scopes: [] });
/** Clears the screen, ends the line (in JavaScript too), reverses the text, closes a code span. */
const HOSTILE = "x\u001b[2J\r\n\u2028\u202e`` <b>@example.com";

function account(email: string, roleName: string): AccountSnapshot {
  return {
    accountId: ACCOUNT,
    permissionGroups: [{ id: "pg-admin", name: "Administrator", label: "admin", description: "", scopes: [] }],
    members: [
      { id: "m-ada", email: "ada@example.com", status: "accepted", roles: ["r-admin"], policies: [onAccount("pg-admin")] },
      { id: "m-x", email, status: "pending", roles: ["r-other"], policies: [] },
      { id: "m-bob", email: "bob@example.com", status: "accepted", roles: [], policies: [onAccount("pg-admin")] },
    ],
    roles: [
      { id: "r-admin", name: "Administrator", description: "", permissions: {} },
      { id: "r-other", name: roleName, description: "", permissions: {} },
    ],
    resourceGroups: [{ id: "rg-account", name: "account", scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["*"] }, system: true }],
    userGroups: [],
    ssoConnectors: [],
    oauthClients: [],
    skipped: [],
  };
}

const header = { accountId: ACCOUNT };
const plain = account("zoe@example.com", "DNS");

it("the terminal form: member by member, role → policy or kept, then how to apply it", () => {
  expect(planText(header, roleMigration(plain))).toBe(
    [
      `Roles to policies in account ${ACCOUNT}: 2 members hold legacy roles.`,
      "",
      "ada@example.com",
      "  role Administrator → permission group Administrator (admin) on the whole account (the API already answers it so: nothing to write)",
      "",
      "zoe@example.com",
      "  role DNS kept as a role: no equivalent permission group is known",
      "",
      "This command changes nothing. To apply the plan: write the program with cloudflare-iam generate --format typescript, review its pulumi preview --json with cloudflare-iam review, and run pulumi up.",
      "",
    ].join("\n"),
  );
});

it("says when no one holds a role, and when the roles could not be read", () => {
  const none = { ...plain, members: plain.members.filter((m) => m.roles.length === 0) };
  expect(
    planText({ ...header, rolesUnknown: "the API token may not read the account's roles (403)" }, roleMigration(none))
      .split("\n")
      .slice(0, 2),
  ).toEqual([
    `No member of account ${ACCOUNT} holds a legacy role.`,
    "The account's roles could not be read (the API token may not read the account's roles (403)): no role is named or moved.",
  ]);
});

it("the terminal form shows a hostile email and role name as quoted literals, with no control character", () => {
  const out = planText(header, roleMigration(account(HOSTILE, "DNS\u001b]0;owned\u0007")));
  expect(out).toContain('\n"x\\u001b[2J\\r\\n\\u2028\\u202e`` <b>@example.com"\n');
  expect(out).toContain('  role "DNS\\u001b]0;owned\\u0007" kept as a role');
  expect(out.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
});

it("the Markdown form makes every name a code span no name can close", () => {
  const out = planMarkdown(header, roleMigration(account(HOSTILE, "a`b")));
  expect(out).toContain("- ```x⟨U+001B⟩[2J⟨U+000D⟩⟨U+000A⟩⟨U+2028⟩⟨U+202E⟩`` <b>@example.com```\n");
  expect(out).toContain("  - role ``a`b`` kept as a role: no equivalent permission group is known\n");
  expect(out.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
});

it("the JSON form: each holder's roles by id and name, hidden characters escaped", () => {
  const out = planJson(header, roleMigration(account(HOSTILE, "DNS")));
  expect(out.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
  expect(JSON.parse(out)).toEqual({
    accountId: ACCOUNT,
    rolesUnknown: null,
    members: [
      {
        id: "m-ada",
        email: "ada@example.com",
        status: "accepted",
        moves: [{ roleId: "r-admin", roleName: "Administrator", permissionGroupId: "pg-admin", permissionGroupName: "Administrator", mirrored: true }],
        kept: [],
        leftOut: null,
      },
      { id: "m-x", email: HOSTILE, status: "pending", moves: [], kept: [{ roleId: "r-other", roleName: "DNS", reason: "no-equivalent" }], leftOut: null },
    ],
  });
});
