/** The review of a change, a pure function of the account before and after: every kind of change it reports. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareAccess, reviewData } from "../../access/compare";
import { personLines } from "../../access/markdown";
import { defaultRiskRules } from "../../access/risk";
import type { AccountSnapshot } from "../../account/snapshot";

const ACCOUNT = "a".repeat(32);
type Group = AccountSnapshot["userGroups"][number];

function account(userGroups: Group[], extra: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    accountId: ACCOUNT,
    permissionGroups: [
      { id: "dns", name: "DNS Write", label: "dns_write", description: "", scopes: [] },
      { id: "admin", name: "Administrator", label: "admin", description: "", scopes: [] },
    ],
    members: ["ada", "bob"].map((id) => ({ id, email: `${id}@example.com`, status: "accepted", roles: [], policies: [] })),
    roles: [],
    resourceGroups: [
      { id: "prod", name: "production", scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["zone.prod"] }, system: false },
      { id: "all", name: `com.cloudflare.api.account.${ACCOUNT}`, scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["*"] }, system: true },
    ],
    userGroups,
    ssoConnectors: [],
    oauthClients: [],
    skipped: [],
    ...extra,
  };
}

const group = (id: string, memberIds: string[], policies: [string[], string[]][]): Group => ({
  id,
  name: id,
  memberIds,
  scimManaged: false,
  policies: policies.map(([permissionGroups, resourceGroups]) => ({ access: "allow", permissionGroups, resourceGroups, scopes: [] })),
});

const review = (before: AccountSnapshot, after: AccountSnapshot) => compareAccess(before, after, defaultRiskRules);
/** The review as `--format json` writes it. */
const data = (before: AccountSnapshot, after: AccountSnapshot) => reviewData(review(before, after));

it("says why access is lost: leaving the group, the group's policies, or the group's deletion", () => {
  const before = account([group("SRE", ["ada", "bob"], [[["dns"], ["prod"]]]), group("Old", ["ada"], [[["dns"], ["all"]]])]);
  const after = account([group("SRE", ["ada"], [])]);
  expect(personLines(review(before, after))).toEqual([
    '- ada@example.com loses DNS Write on "production" (SRE\'s policies change)',
    "- ada@example.com loses DNS Write on the account (Old is deleted)",
    '- bob@example.com loses DNS Write on "production" (leaves SRE)',
  ]);
});

it("flags administrator-class and account-wide gains, and nothing for an unchanged account", () => {
  const before = account([group("SRE", ["ada"], [])]);
  const after = account([group("SRE", ["ada"], [[["admin"], ["all"]]])]);
  expect(review(before, after).risks.map((r) => r.kind)).toEqual(["administrator", "account-wide"]);
  expect(data(after, after)).toEqual({ risks: [], people: [], groups: [], resourceGroups: [], oauthClients: [], ssoConnectors: [], direct: [], notes: [] });
});

it("reports a policy change of a group with no members as affecting nobody yet", () => {
  const before = account([group("Empty", [], [])]);
  const after = account([group("Empty", [], [[["admin"], ["prod"]]])]);
  expect(data(before, after).groups).toEqual([{ subject: '"Empty"', change: 'gains the policy allow Administrator on "production", which affects nobody yet' }]);
  expect(review(before, after).people).toEqual([]);
});

it("reports a resource group's new scope, an OAuth client made public (a risk), and an SSO connector with its TXT record", () => {
  const client = (visibility: string, scopes: string[]) => ({ id: "c1", args: { clientName: "Grafana", visibility, scopes } });
  const before = account([], { oauthClients: [client("private", ["zone.read"])] });
  const after = account([], {
    oauthClients: [client("public", ["zone.read"])],
    ssoConnectors: [
      { id: "s1", emailDomain: "example.com", enabled: false, useFedrampLanguage: false, verificationCode: "cloudflare_dashboard_sso=s1", verificationStatus: "pending" },
    ],
  });
  after.resourceGroups[0] = { ...after.resourceGroups[0], scope: { ...after.resourceGroups[0].scope, objects: ["zone.prod", "zone.new"] } };
  const result = data(before, after);
  expect(result.resourceGroups).toEqual([{ subject: '"production"', change: "now covers +zone.new: every grant on it changes with it" }]);
  expect(result.oauthClients).toEqual([{ subject: '"Grafana"', change: "visibility private → public" }]);
  expect(result.risks).toEqual([{ kind: "public-oauth-client", message: 'OAuth client "Grafana" becomes public: any Cloudflare user can authorize it' }]);
  expect(result.ssoConnectors).toEqual([
    { subject: "example.com", change: 'new SSO connector (not enabled): publish the DNS record example.com TXT "cloudflare_dashboard_sso=s1"' },
  ]);
});

it("lists who holds access outside user groups, as context: roles (administrator-class marked) and direct policies", () => {
  const holders = {
    members: [
      { id: "ada", email: "ada@example.com", status: "accepted", roles: ["super"], policies: [] },
      { id: "bob", email: "bob@example.com", status: "accepted", roles: [], policies: [{ access: "allow", permissionGroups: ["dns"], resourceGroups: ["prod"], scopes: [] }] },
      { id: "eve", email: "eve@example.com", status: "accepted", roles: [], policies: [] },
    ],
    roles: [{ id: "super", name: "Super Administrator - All Privileges", description: "", permissions: {} }],
  };
  const before = account([group("SRE", ["eve"], [])], holders);
  const after = account([group("SRE", ["eve"], [[["dns"], ["prod"]]])], holders);
  expect(data(before, after).direct).toEqual([
    { subject: "ada@example.com", change: "role Super Administrator - All Privileges (administrator-class)" },
    { subject: "bob@example.com", change: 'DNS Write on "production" (a direct policy)' },
  ]);
  expect(data(after, after).risks).toEqual([]);
});

it("weighs a role with no equivalent permission group by its name and what it grants; a role it cannot read is administrator-class", () => {
  const roles: AccountSnapshot["roles"] = [
    { id: "org", name: "Members Manager", description: "", permissions: { organization: { read: true, edit: true } } },
    { id: "dns", name: "DNS Editor", description: "", permissions: { dns: { read: true, edit: true } } },
  ];
  const holding = (roleIds: string[]) => ({ members: [{ id: "ada", email: "ada@example.com", status: "accepted", roles: roleIds, policies: [] }], roles });
  const gained = (roleId: string) => review(account([], holding([])), account([], holding([roleId]))).risks.filter((r) => r.kind === "direct-administrator").length;
  expect([gained("org"), gained("dns"), gained("unreadable")]).toEqual([1, 0, 1]);
});

describe("members invited, leaving, and their direct grants (issue 19)", () => {
  type Member = AccountSnapshot["members"][number];
  const ROLES: AccountSnapshot["roles"] = [{ id: "r-admin", name: "Administrator", description: "", permissions: {} }];
  const person = (id: string, extra: Partial<Member> = {}): Member => ({ id, email: `${id}@example.com`, status: "accepted", roles: [], policies: [], ...extra });
  const direct = (permissionGroups: string[], resourceGroups: string[]) => [{ access: "allow", permissionGroups, resourceGroups, scopes: [] }];
  /** The account with these members (ada and bob are there already) and groups. */
  const withMembers = (members: Member[], userGroups: Group[] = []) => account(userGroups, { members, roles: ROLES });
  const ada = person("ada");
  const bob = person("bob");
  const kinds = (before: AccountSnapshot, after: AccountSnapshot) => review(before, after).risks.map((r) => r.kind);

  it("an invite reads as one sentence with the first gain, pending until they accept, and the JSON says invited and pending", () => {
    const cat = person("cat", { status: "pending", policies: direct(["admin"], ["prod"]) });
    const before = withMembers([ada, bob], [group("SRE", ["ada"], [[["dns"], ["prod"]]])]);
    const after = withMembers([ada, bob, cat], [group("SRE", ["ada", "cat"], [[["dns"], ["prod"]]])]);
    expect(personLines(review(before, after))).toEqual([
      '+ cat@example.com is invited (pending until they accept) and gains DNS Write on "production" (via SRE)',
      '+ cat@example.com gains Administrator on "production" (via a direct policy)',
    ]);
    expect(data(before, after).people).toEqual([
      {
        memberId: "cat",
        member: "cat@example.com",
        membership: "invited",
        status: "pending",
        gains: [
          { permissionGroups: ["DNS Write"], target: '"production"', group: "SRE", why: "via" },
          { permissionGroups: ["Administrator"], target: '"production"', group: "", why: "direct" },
        ],
        losses: [],
      },
    ]);
  });

  it("inviting someone straight into an administrator-class grant is a named risk, through a group or directly", () => {
    const before = withMembers([ada, bob], [group("Admins", [], [[["admin"], ["prod"]]])]);
    const viaGroup = withMembers([ada, bob, person("cat", { status: "pending" })], [group("Admins", ["cat"], [[["admin"], ["prod"]]])]);
    const viaRole = withMembers([ada, bob, person("dan", { status: "pending", roles: ["r-admin"] })], [group("Admins", [], [[["admin"], ["prod"]]])]);
    expect(data(before, viaGroup).risks).toEqual([
      {
        kind: "invited-administrator",
        message: 'cat@example.com is invited straight into Administrator on "production" (via Admins): an administrator-class grant for someone not yet in the account',
      },
    ]);
    expect(kinds(before, viaRole)).toEqual(["invited-administrator", "account-wide"]);
  });

  it("an invite with no grants, and a direct add of an existing user (fact 59), are still changes of access", () => {
    const before = withMembers([ada, bob]);
    const invited = withMembers([ada, bob, person("cat", { status: "pending" })]);
    const added = withMembers([ada, bob, person("cat", { status: "accepted", policies: direct(["dns"], ["prod"]) })]);
    expect(personLines(review(before, invited))).toEqual(["+ cat@example.com is invited (pending until they accept), with no access yet"]);
    expect(personLines(review(before, added))).toEqual(['+ cat@example.com is added to the account and gains DNS Write on "production" (via a direct policy)']);
  });

  it("one who leaves the account loses everything, and every loss is still listed; the JSON says leaves", () => {
    const leaver = person("bob", { roles: ["r-admin"], policies: direct(["dns"], ["all"]) });
    const before = withMembers([ada, leaver], [group("SRE", ["ada", "bob"], [[["dns"], ["prod"]]])]);
    const after = withMembers([ada], [group("SRE", ["ada"], [[["dns"], ["prod"]]])]);
    expect(personLines(review(before, after))).toEqual([
      "- bob@example.com leaves the account and loses everything",
      '- bob@example.com loses DNS Write on "production" (leaves SRE)',
      "- bob@example.com loses DNS Write on the account (a direct policy removed)",
      "- bob@example.com loses Administrator on the account (role Administrator removed)",
    ]);
    expect(data(before, after).people.map((p) => [p.member, p.membership, p.status])).toEqual([["bob@example.com", "leaves", "accepted"]]);
  });

  it("one who leaves holding nothing, or whose invite was still pending, is said so", () => {
    const before = withMembers([ada, bob, person("cat", { status: "pending" })]);
    expect(personLines(review(before, withMembers([ada])))).toEqual([
      "- bob@example.com leaves the account, holding no access",
      "- cat@example.com leaves the account (the invite was still pending), holding no access",
    ]);
  });

  it("a member's direct policies and roles change as a group's do, by their source, and each administrator-class one is a direct risk", () => {
    const before = withMembers([person("ada", { roles: ["r-admin"] }), person("bob", { policies: direct(["dns"], ["prod"]) })]);
    const after = withMembers([person("ada", { policies: direct(["dns"], ["prod"]) }), person("bob", { roles: ["r-admin"] })]);
    expect(personLines(review(before, after))).toEqual([
      '+ ada@example.com gains DNS Write on "production" (via a direct policy)',
      "- ada@example.com loses Administrator on the account (role Administrator removed)",
      "+ bob@example.com gains Administrator on the account (via role Administrator)",
      '- bob@example.com loses DNS Write on "production" (a direct policy removed)',
    ]);
    expect(data(before, after).risks).toEqual([
      {
        kind: "direct-administrator",
        message: "bob@example.com gains Administrator on the account (via role Administrator): an administrator-class grant given directly, outside any user group",
      },
      { kind: "account-wide", message: "bob@example.com gains Administrator on the account (via role Administrator): a grant on the whole account" },
    ]);
    const directPolicy = withMembers([ada, person("bob", { policies: direct(["admin"], ["prod"]) })]);
    expect(kinds(withMembers([ada, bob]), directPolicy)).toEqual(["direct-administrator"]);
    const throughGroup = withMembers([ada, bob], [group("Admins", ["bob"], [[["admin"], ["prod"]]])]);
    expect(kinds(withMembers([ada, bob], [group("Admins", [], [[["admin"], ["prod"]]])]), throughGroup)).toEqual(["administrator"]);
  });

  it("docs/access-review.md's example is this review, word for word", () => {
    const doc = readFileSync(join(__dirname, "../../docs/access-review.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Members joining and leaving the account"));
    const block = section.slice(section.indexOf("```diff\n") + 8, section.indexOf("\n```\n"));
    const amy = person("amy", { status: "pending", policies: direct(["admin"], ["prod"]) });
    const before = withMembers([ada, bob], [group("SRE", ["ada", "bob"], [[["dns"], ["prod"]]])]);
    const after = withMembers([ada, amy], [group("SRE", ["ada", "amy"], [[["dns"], ["prod"]]])]);
    expect(personLines(review(before, after))).toEqual(block.split("\n"));
  });

  it("fact 62: a program that sets only the policies, or only the roles, of a member the account reads with both changes nothing", () => {
    const both = withMembers([person("ada", { roles: ["r-admin"], policies: direct(["admin"], ["all"]) }), bob]);
    const policiesOnly = withMembers([person("ada", { policies: direct(["admin"], ["all"]) }), bob]);
    const rolesOnly = withMembers([person("ada", { roles: ["r-admin"] }), bob]);
    expect([data(both, policiesOnly), data(both, rolesOnly)].map((r) => [r.people, r.risks])).toEqual([
      [[], []],
      [[], []],
    ]);
  });

  it("a member whose earlier invite is still pending says so on their first line", () => {
    const cat = person("cat", { status: "pending" });
    const before = withMembers(
      [ada, cat],
      [
        group(
          "SRE",
          [],
          [
            [["dns"], ["prod"]],
            [["dns"], ["all"]],
          ],
        ),
      ],
    );
    const after = withMembers(
      [ada, cat],
      [
        group(
          "SRE",
          ["cat"],
          [
            [["dns"], ["prod"]],
            [["dns"], ["all"]],
          ],
        ),
      ],
    );
    expect(personLines(review(before, after))).toEqual([
      '+ cat@example.com (invite pending) gains DNS Write on "production" (via SRE)',
      "+ cat@example.com gains DNS Write on the account (via SRE)",
    ]);
  });

  it("the access held outside user groups marks a member whose invite is pending", () => {
    const after = withMembers([ada, person("cat", { status: "pending", policies: direct(["dns"], ["prod"]) })]);
    expect(data(after, after).direct).toEqual([{ subject: "cat@example.com (invite pending)", change: 'DNS Write on "production" (a direct policy)' }]);
  });
});
