/** The review of a change, a pure function of the account before and after: every kind of change it reports. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { altersNoAccess, compareAccess, emptyReview, type OutsideRemoval, type Review, type Risk, reviewData } from "../../access/compare";
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

describe("the review's exact words, for every kind of change", () => {
  const WHOLE = `com.cloudflare.api.account.${"c".repeat(32)}`;
  type Snapshot = AccountSnapshot;
  type Policy = Snapshot["userGroups"][number]["policies"][number];
  const allow = (permissionGroups: string[], resourceGroups: string[], scopes: Policy["scopes"] = []): Policy => ({ access: "allow", permissionGroups, resourceGroups, scopes });
  const deny = (permissionGroups: string[], resourceGroups: string[]): Policy => ({ ...allow(permissionGroups, resourceGroups), access: "deny" });
  const userGroup = (id: string, name: string, memberIds: string[], policies: Policy[] = []) => ({ id, name, memberIds, policies, scimManaged: false });
  /** Member ids sort in another order than the emails people read: m1 is bob, m3 is ada, m2 has no email. */
  const person = (id: string, email: string, roles: string[] = [], policies: Policy[] = []) => ({ id, email, status: "accepted", roles, policies });
  const snapshot = (extra: Partial<Snapshot> = {}): Snapshot => ({
    accountId: "c".repeat(32),
    permissionGroups: [
      { id: "zone", name: "Zone Read", label: "zone_read", description: "", scopes: [] },
      { id: "dns", name: "DNS Write", label: "dns_write", description: "", scopes: [] },
      { id: "admin", name: "Administrator", label: "admin", description: "", scopes: [] },
    ],
    members: [person("m1", "bob@example.com"), person("m2", ""), person("m3", "ada@example.com")],
    roles: [{ id: "r-ops", name: "Ops Role", description: "", permissions: {} }],
    resourceGroups: [
      { id: "prod", name: "production", scope: { key: WHOLE, objects: ["zone.prod"] }, system: false },
      { id: "all", name: WHOLE, scope: { key: WHOLE, objects: ["*"] }, system: true },
    ],
    userGroups: [],
    ssoConnectors: [],
    oauthClients: [],
    skipped: [],
    ...extra,
  });
  /** Changes as the JSON writes them, from [subject, change] pairs. */
  const changes = (pairs: [string, string][]) => pairs.map(([subject, change]) => ({ subject, change }));
  const words = (before: Snapshot, after: Snapshot, outside: OutsideRemoval[] = [], unresolved: Risk[] = []) =>
    reviewData(compareAccess(before, after, defaultRiskRules, outside, [], unresolved));

  it("says who gains and loses what, where and why, people in the order of their names", () => {
    const before = snapshot({
      members: [person("m1", "bob@example.com", ["r-ops"]), person("m2", "", [], [allow(["dns"], ["prod"])]), person("m3", "ada@example.com")],
    });
    const after = snapshot({
      members: [
        person("m1", "bob@example.com"),
        person("m2", ""),
        person("m3", "ada@example.com", ["r-ops"], [allow(["dns"], [], [{ key: "k", objects: [{ key: "zone.y" }, { key: "zone.x" }] }])]),
      ],
      userGroups: [userGroup("g1", "SRE", ["m3"], [allow(["zone", "dns", "unknown:permission", "pg-gone"], ["prod", "rg-gone"])])],
    });
    const line = (permissionGroups: string[], target: string, group: string, why: string) => ({ permissionGroups, target, group, why });
    expect(words(before, after).people).toEqual([
      {
        memberId: "m3",
        member: "ada@example.com",
        membership: "stays",
        status: "accepted",
        gains: [
          line(["(a permission group unknown until apply)", "DNS Write", "Zone Read", "pg-gone"], '"production"', "SRE", "via"),
          line(["(a permission group unknown until apply)", "DNS Write", "Zone Read", "pg-gone"], "rg-gone", "SRE", "via"),
          line(["DNS Write"], "scope zone.y, zone.x", "", "direct"),
          line(["Ops Role"], "the account", "Ops Role", "role"),
        ],
        losses: [],
      },
      { memberId: "m1", member: "bob@example.com", membership: "stays", status: "accepted", gains: [], losses: [line(["Ops Role"], "the account", "Ops Role", "role")] },
      { memberId: "m2", member: "m2", membership: "stays", status: "accepted", gains: [], losses: [line(["DNS Write"], '"production"', "", "direct")] },
    ]);
  });

  it("names a member, a group and a resource group the change deletes by the names they had", () => {
    const before = snapshot({
      resourceGroups: [...snapshot().resourceGroups, { id: "old", name: "legacy zones", scope: { key: WHOLE, objects: ["zone.old"] }, system: false }],
      userGroups: [userGroup("g1", "SRE", ["m1"], [allow(["dns"], ["old"])])],
    });
    const after = snapshot({ members: [person("m2", ""), person("m3", "ada@example.com")] });
    expect(words(before, after).people.map((p) => [p.member, p.losses])).toEqual([
      ["bob@example.com", [{ permissionGroups: ["DNS Write"], target: '"legacy zones"', group: "SRE", why: "deleted" }]],
    ]);
  });

  it("a member the account does not list is named by id, with no status", () => {
    const after = snapshot({ userGroups: [userGroup("g1", "SRE", ["ghost"], [allow(["dns"], ["prod"])])] });
    expect(words(snapshot(), after).people.map((p) => [p.member, p.membership, p.status])).toEqual([["ghost", "stays", ""]]);
  });

  it("two people of one name come in the order of their ids; lines are told apart by member and place, however their ids run together", () => {
    const twins = snapshot({ members: [person("m9", "same@example.com"), person("m1", "same@example.com")] });
    const both = { ...twins, userGroups: [userGroup("g1", "SRE", ["m9", "m1"], [allow(["dns"], ["prod"])])] };
    expect(words(twins, both).people.map((p) => p.memberId)).toEqual(["m1", "m9"]);
    const runTogether = snapshot({
      members: [person("x", "x@example.com"), person("xrg:", "y@example.com")],
      resourceGroups: [
        ...snapshot().resourceGroups,
        { id: "rg:y", name: "one", scope: { key: WHOLE, objects: ["a"] }, system: false },
        { id: "y", name: "two", scope: { key: WHOLE, objects: ["b"] }, system: false },
      ],
    });
    const granted = { ...runTogether, userGroups: [userGroup("g1", "SRE", ["x", "xrg:"], [allow(["dns"], ["rg:y", "y"])])] };
    expect(words(runTogether, granted).people.map((p) => [p.memberId, p.gains.map((l) => l.target)])).toEqual([
      ["x", ['"one"', '"two"']],
      ["xrg:", ['"one"', '"two"']],
    ]);
  });

  it("a place that was, or becomes, the whole account is named the account", () => {
    const narrowed = snapshot({ resourceGroups: [{ id: "prod", name: "production", scope: { key: WHOLE, objects: ["zone.prod"] }, system: false }] });
    const wide = snapshot({ resourceGroups: [{ id: "prod", name: "production", scope: { key: WHOLE, objects: ["*"] }, system: false }] });
    const gains = { ...narrowed, userGroups: [userGroup("g1", "SRE", ["m1"], [allow(["dns"], ["prod"])])] };
    expect(words(wide, gains).people.map((p) => p.gains.map((l) => l.target))).toEqual([["the account"]]);
  });

  it("risks of a gain: administrator-class, the whole account, each through the group, the role or the direct policy that grants it", () => {
    const after = snapshot({
      members: [person("m1", "bob@example.com", ["r-ops"]), person("m2", "", [], [allow(["admin"], ["prod"])]), person("m3", "ada@example.com")],
      userGroups: [userGroup("g1", "Admins", ["m3"], [allow(["admin"], ["all"])])],
    });
    expect(words(snapshot(), after).risks).toEqual([
      { kind: "administrator", message: "ada@example.com gains Administrator on the account (via Admins): an administrator-class permission group" },
      { kind: "account-wide", message: "ada@example.com gains Administrator on the account (via Admins): a grant on the whole account" },
      { kind: "account-wide", message: "bob@example.com gains Ops Role on the account (via role Ops Role): a grant on the whole account" },
      {
        kind: "direct-administrator",
        message: 'm2 gains Administrator on "production" (via a direct policy): an administrator-class grant given directly, outside any user group',
      },
    ]);
  });

  it("one risk for one sentence, however many grants say it", () => {
    const after = snapshot({ userGroups: [userGroup("g1", "Admins", ["m3"], [allow(["admin"], ["prod"])]), userGroup("g2", "Admins", ["m3"], [allow(["admin"], ["prod"])])] });
    expect(words(snapshot(), after).risks.map((r) => r.message)).toEqual([
      'ada@example.com gains Administrator on "production" (via Admins): an administrator-class permission group',
    ]);
  });

  it("a member list that removes members added outside the program names each of them once, by name", () => {
    const account = snapshot({ userGroups: [userGroup("g1", "SRE", ["m1", "m3"])] });
    const outside = [
      { groupId: "g1", memberIds: ["m1", "m3", "m1"] },
      { groupId: "g2", memberIds: [] },
      { groupId: "gone", memberIds: ["m9"] },
    ];
    expect(words(account, account, outside).risks).toEqual([
      { kind: "removes-outside-members", message: 'the member list of "SRE" would remove ada@example.com, bob@example.com, added outside this program' },
      { kind: "removes-outside-members", message: 'the member list of "gone" would remove m9, added outside this program' },
    ]);
  });

  it("a deny policy a group or a member gains is a risk; one held before is not", () => {
    const held = snapshot({ userGroups: [userGroup("g1", "SRE", [], [deny(["dns"], ["prod"])])] });
    const after = snapshot({
      members: [person("m1", "bob@example.com"), person("m2", "", [], [deny(["zone", "dns"], ["prod", "all"])]), person("m3", "ada@example.com")],
      userGroups: [userGroup("g1", "SRE", [], [deny(["dns"], ["prod"]), deny(["admin"], ["prod"])])],
    });
    const tail =
      ": Cloudflare refuses deny policies (fact 21), so it will not take effect and the other steps may apply without it; the review counts no access as taken away by it";
    expect(words(held, after).risks).toEqual([
      { kind: "deny-policy", message: `user group "SRE" gains the policy deny Administrator on "production"${tail}` },
      { kind: "deny-policy", message: `member m2 gains the policy deny DNS Write, Zone Read on "production", the account${tail}` },
    ]);
  });

  it("a deny policy is a risk for each group or member that gains it, though another held the same before", () => {
    const before = snapshot({
      members: [person("m1", "bob@example.com", [], [deny(["dns"], ["prod"])]), person("m2", ""), person("m3", "ada@example.com")],
      userGroups: [userGroup("g1", "SRE", [], [deny(["dns"], ["prod"])]), userGroup("g2", "Ops", [])],
    });
    const after = snapshot({
      members: [person("m1", "bob@example.com", [], [deny(["dns"], ["prod"])]), person("m2", "", [], [deny(["dns"], ["prod"])]), person("m3", "ada@example.com")],
      userGroups: [userGroup("g1", "SRE", [], [deny(["dns"], ["prod"])]), userGroup("g2", "Ops", [], [deny(["dns"], ["prod"])])],
    });
    expect(words(before, after).risks.map((r) => r.message.split(":")[0])).toEqual([
      'user group "Ops" gains the policy deny DNS Write on "production"',
      'member m2 gains the policy deny DNS Write on "production"',
    ]);
  });

  it("the account's role names unread is a risk only when someone's access changes or a step is unresolved", () => {
    const unread = snapshot({ rolesUnknown: "403 Forbidden" });
    const risk = { kind: "unknown-roles", message: "the account's role names could not be read (403 Forbidden): every role is counted as administrator-class" };
    const unresolved: Risk = { kind: "unresolved", message: ["a step"] };
    expect(words(unread, unread).risks).toEqual([]);
    expect(words(unread, unread, [], [unresolved]).risks).toEqual([{ kind: "unresolved", message: "a step" }, risk]);
    const gains = snapshot({ rolesUnknown: "403 Forbidden", userGroups: [userGroup("g1", "SRE", ["m1"], [allow(["dns"], ["prod"])])] });
    expect(words(unread, gains).risks).toEqual([risk]);
  });

  it("lists the risks in order: unresolved steps, gains, deny policies, OAuth clients, unread roles", () => {
    const after = snapshot({
      rolesUnknown: "403",
      userGroups: [userGroup("g1", "Admins", ["m3"], [allow(["admin"], ["prod"]), deny(["dns"], ["prod"])])],
      oauthClients: [{ id: "c1", args: { clientName: "Grafana", visibility: "public", scopes: [] } }],
    });
    expect(words(snapshot(), after, [], [{ kind: "not-reviewed", message: ["x"] }]).risks.map((r) => r.kind)).toEqual([
      "not-reviewed",
      "administrator",
      "deny-policy",
      "public-oauth-client",
      "unknown-roles",
    ]);
  });

  it("user groups: new, renamed, deleted, and the policies of an empty one, each in words", () => {
    const before = snapshot({
      userGroups: [userGroup("g1", "Old name", ["m1"]), userGroup("g2", "Empty", [], [allow(["dns"], ["prod"])]), userGroup("g3", "Doomed", ["m1"], [allow(["dns"], ["prod"])])],
    });
    const after = snapshot({
      userGroups: [
        userGroup("g1", "New name", ["m1"], [allow(["admin"], ["prod"])]),
        userGroup("g2", "Empty", [], [allow(["zone", "dns"], ["prod", "all"])]),
        userGroup("g4", "Fresh", ["m1", "m3"], [allow(["dns"], ["prod"])]),
      ],
    });
    expect(words(before, after).groups).toEqual(
      changes([
        ['"New name"', 'renamed from "Old name"'],
        ['"Empty"', 'gains the policy allow DNS Write, Zone Read on "production", the account, which affects nobody yet'],
        ['"Empty"', 'loses the policy allow DNS Write on "production", which affected nobody'],
        ['"Fresh"', "new group, with 2 members and 1 policies"],
        ['"Doomed"', "deleted, with its 1 members and 1 policies"],
      ]),
    );
  });

  it("an empty group's policy kept through the change is neither gained nor lost", () => {
    const before = snapshot({ userGroups: [userGroup("g2", "Empty", [], [allow(["dns"], ["prod"])])] });
    const after = snapshot({ userGroups: [userGroup("g2", "Empty", [], [allow(["dns"], ["prod"]), allow(["zone"], ["prod"])])] });
    expect(words(before, after).groups).toEqual([{ subject: '"Empty"', change: 'gains the policy allow Zone Read on "production", which affects nobody yet' }]);
    expect(words(after, before).groups).toEqual([{ subject: '"Empty"', change: 'loses the policy allow Zone Read on "production", which affected nobody' }]);
  });

  it("resource groups: the objects a scope gains and loses; a new or unchanged one is no change", () => {
    const after = snapshot({
      resourceGroups: [
        { id: "prod", name: "production", scope: { key: WHOLE, objects: ["zone.new", "zone.newer"] }, system: false },
        { id: "all", name: WHOLE, scope: { key: WHOLE, objects: ["*"] }, system: true },
        { id: "fresh", name: "fresh", scope: { key: WHOLE, objects: ["zone.f"] }, system: false },
      ],
    });
    expect(words(snapshot(), after).resourceGroups).toEqual([
      { subject: '"production"', change: "now covers +zone.new, +zone.newer, -zone.prod: every grant on it changes with it" },
    ]);
  });

  it("OAuth clients: new, scopes, visibility, deleted; becoming public is a risk, staying public is not", () => {
    const client = (id: string, args: Record<string, unknown>) => ({ id, args });
    const before = snapshot({
      oauthClients: [client("c1", { clientName: "Grafana", scopes: ["a", "b"] }), client("c2", { clientName: "Wiki", visibility: "public" }), client("c3", {})],
    });
    const after = snapshot({
      oauthClients: [
        client("c1", { clientName: "Grafana", scopes: ["b", "c"], visibility: "public" }),
        client("c2", { clientName: "Wiki", visibility: "public", scopes: "not a list" }),
        client("c4", { clientName: "New", scopes: ["x", "y"] }),
        client("c5", { visibility: "public", scopes: [] }),
      ],
    });
    const review = words(before, after);
    expect(review.oauthClients).toEqual([
      { subject: '"Grafana"', change: "scopes +c, -a" },
      { subject: '"Grafana"', change: "visibility private → public" },
      { subject: '"New"', change: "new private client with the scopes x, y" },
      { subject: '"c5"', change: "new public client with the scopes " },
      { subject: '"c3"', change: "deleted: every token it issued stops working" },
    ]);
    expect(review.risks).toEqual([
      { kind: "public-oauth-client", message: 'OAuth client "Grafana" becomes public: any Cloudflare user can authorize it' },
      { kind: "public-oauth-client", message: 'OAuth client "c5" becomes public: any Cloudflare user can authorize it' },
    ]);
  });

  it("SSO connectors: new with or without its TXT record, enabled, disabled, removed", () => {
    const connector = (id: string, emailDomain: string, enabled: boolean, verificationCode = "") => ({
      id,
      emailDomain,
      enabled,
      useFedrampLanguage: false,
      verificationCode,
      verificationStatus: "",
    });
    const before = snapshot({
      ssoConnectors: [connector("s1", "a.example", false), connector("s2", "b.example", true), connector("s3", "c.example", true), connector("s4", "d.example", true)],
    });
    const after = snapshot({
      ssoConnectors: [
        connector("s1", "a.example", true),
        connector("s2", "b.example", false),
        connector("s3", "c.example", true),
        connector("s5", "e.example", true),
        connector("s6", "f.example", false, "code=6"),
      ],
    });
    expect(words(before, after).ssoConnectors).toEqual(
      changes([
        ["a.example", "SSO is enabled"],
        ["b.example", "SSO is disabled"],
        ["e.example", "new SSO connector (enabled): publish the DNS TXT record its verificationCode output shows after pulumi up"],
        ["f.example", 'new SSO connector (not enabled): publish the DNS record f.example TXT "code=6"'],
        ["d.example", "SSO connector removed: its users sign in without SSO"],
      ]),
    );
  });

  it("access held outside user groups: every line of a member's, roles marked when administrator-class, members in the order of their names", () => {
    const after = snapshot({
      roles: [
        { id: "r-ops", name: "Ops Role", description: "", permissions: {} },
        { id: "r-admin", name: "Administrator", description: "", permissions: {} },
      ],
      members: [
        person("m1", "bob@example.com", ["r-ops"]),
        person("m2", ""),
        person("m3", "ada@example.com", ["r-admin"], [allow(["zone", "dns"], ["prod"]), allow(["dns"], [], [{ key: "k", objects: [{ key: "zone.z" }] }])]),
      ],
    });
    expect(words(after, after).direct).toEqual([
      {
        subject: "ada@example.com",
        change: 'DNS Write, Zone Read on "production" (a direct policy); DNS Write on scope zone.z (a direct policy); role Administrator (administrator-class)',
      },
      { subject: "bob@example.com", change: "role Ops Role" },
    ]);
  });

  it("a review with nothing but the access held outside user groups alters no access; any other change does", () => {
    const quiet = { ...emptyReview(), direct: [{ subject: ["ada"], change: ["role Ops Role"] }], notes: [["a note"]] };
    expect(altersNoAccess(quiet)).toBe(true);
    const lists = ["risks", "people", "groups", "resourceGroups", "oauthClients", "ssoConnectors"] as const;
    expect(lists.map((list) => altersNoAccess({ ...quiet, [list]: [{}] } as unknown as Review))).toEqual(lists.map(() => false));
    expect(emptyReview()).toEqual({ risks: [], people: [], groups: [], resourceGroups: [], oauthClients: [], ssoConnectors: [], direct: [], notes: [] });
  });
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
