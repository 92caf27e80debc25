/** Effective access, a pure function: table cases, each an account and the grants it must give. */

import { effectiveAccess, type Grant, sourceKey, targetKey } from "../../access/effective";
import type { AccountSnapshot } from "../../account/snapshot";

type Policy = AccountSnapshot["userGroups"][number]["policies"][number];
const allow = (permissionGroups: string[], resourceGroups: string[], scopes: Policy["scopes"] = []): Policy => ({ access: "allow", permissionGroups, resourceGroups, scopes });
const group = (id: string, memberIds: string[], policies: Policy[]) => ({ id, name: id, memberIds, policies, scimManaged: false });

/** A grant as one readable line: member, permission group, where, through what. */
const line = (g: Grant) => `${g.memberId} ${g.permissionGroupId} ${targetKey(g.target)} ${sourceKey(g.source).replace(/^group:/, "")}`;

const ACCOUNT = "a".repeat(32);
const model = (userGroups: AccountSnapshot["userGroups"], members: AccountSnapshot["members"] = [], roles: AccountSnapshot["roles"] = []) => ({
  accountId: ACCOUNT,
  userGroups,
  members,
  roles,
  permissionGroups: [
    { id: "pg-admin", name: "Administrator", label: "admin", description: "", scopes: [] },
    { id: "pg-super", name: "Super Administrator - All Privileges", label: "all_privileges", description: "", scopes: [] },
  ],
  resourceGroups: [{ id: "account", name: `com.cloudflare.api.account.${ACCOUNT}`, scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["*"] }, system: true }],
});
const member = (id: string, roles: string[], policies: Policy[] = []) => ({ id, email: `${id}@example.com`, status: "accepted", roles, policies });
const role = (id: string, name: string) => ({ id, name, description: "", permissions: {} });

const cases: [string, AccountSnapshot["userGroups"], string[]][] = [
  ["one member, one group, one policy", [group("SRE", ["ada"], [allow(["dns"], ["prod"])])], ["ada dns rg:prod SRE"]],
  [
    "several groups per member: the union, each grant naming its group",
    [group("SRE", ["ada"], [allow(["dns"], ["prod"])]), group("Billing", ["ada"], [allow(["billing"], ["account"])])],
    [`ada billing scope:com.cloudflare.api.account.${"a".repeat(32)}:* Billing`, "ada dns rg:prod SRE"],
  ],
  [
    "overlapping policies in one group: one grant per permission group and place",
    [group("SRE", ["ada"], [allow(["dns", "zone"], ["prod"]), allow(["dns"], ["prod"])])],
    ["ada dns rg:prod SRE", "ada zone rg:prod SRE"],
  ],
  [
    "one member in two groups granting the same thing: held through both",
    [group("SRE", ["ada"], [allow(["dns"], ["prod"])]), group("Ops", ["ada", "bob"], [allow(["dns"], ["prod"])])],
    ["ada dns rg:prod Ops", "ada dns rg:prod SRE", "bob dns rg:prod Ops"],
  ],
  ["a policy on two resource groups: granted on each", [group("SRE", ["ada"], [allow(["dns"], ["prod", "staging"])])], ["ada dns rg:prod SRE", "ada dns rg:staging SRE"]],
  [
    "an inline scope (fact 24) is a place of its own",
    [group("SRE", ["ada"], [allow(["dns"], [], [{ key: "acct", objects: [{ key: "zone.b" }, { key: "zone.a" }] }])])],
    ["ada dns scope:acct:zone.a,zone.b SRE"],
  ],
  ["a group with no members grants nothing", [group("Empty", [], [allow(["admin"], ["account"])])], []],
  [
    "fact 21: a deny policy takes nothing away (Cloudflare refuses it; the allow lands)",
    [group("SRE", ["ada", "bob"], [allow(["dns"], ["prod"])]), group("Frozen", ["bob"], [{ ...allow(["dns"], ["prod"]), access: "deny" }])],
    ["ada dns rg:prod SRE", "bob dns rg:prod SRE"],
  ],
];

it.each(cases)("%s", (_, userGroups, expected) => {
  expect(effectiveAccess(model(userGroups)).map(line).sort()).toEqual(expected);
});

const wide = `scope:com.cloudflare.api.account.${ACCOUNT}:*`;
const direct: [string, AccountSnapshot["members"], AccountSnapshot["roles"], string[]][] = [
  [
    "a role is a grant on the whole account, named by its equivalent permission group",
    [member("owner", ["r-super"])],
    [role("r-super", "Super Administrator - All Privileges")],
    [`owner pg-super ${wide} role:r-super`],
  ],
  [
    "the system group and a scope of `*` are one place, the whole account",
    [member("bob", [], [allow(["dns"], ["account"]), allow(["dns"], [], [{ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: "*" }] }])])],
    [],
    [`bob dns ${wide} direct`],
  ],
  [
    "fact 62: a role and the policy the API mirrors it into count once, as the role",
    [member("ada", ["r-admin"], [allow(["pg-admin"], ["account"])])],
    [role("r-admin", "Administrator")],
    [`ada pg-admin ${wide} role:r-admin`],
  ],
  [
    "a policy of the role's permission group on less than the account is a grant of its own",
    [member("ada", ["r-admin"], [allow(["pg-admin"], ["prod"])])],
    [role("r-admin", "Administrator")],
    ["ada pg-admin rg:prod direct", `ada pg-admin ${wide} role:r-admin`],
  ],
  ["a role the catalogue does not name keeps its id", [member("ada", ["r-unknown"])], [], [`ada role:r-unknown ${wide} role:r-unknown`]],
  ["a direct policy is the member's own grant", [member("bob", [], [allow(["dns"], ["prod"])])], [], ["bob dns rg:prod direct"]],
  ["a direct deny takes nothing away", [member("bob", [], [allow(["dns"], ["prod"]), { ...allow(["dns"], ["prod"]), access: "deny" }])], [], ["bob dns rg:prod direct"]],
];

it.each(direct)("%s", (_, members, roles, expected) => {
  expect(
    effectiveAccess(model([], members, roles))
      .map(line)
      .sort(),
  ).toEqual(expected);
});

describe("fact 62: each legacy role and the policy the API mirrors it into count once, for every mirror pair", () => {
  /** fact 77's labels; the permission group named as the role (without the label), or only labelled (under another name). */
  const PAIRS: [string, string][] = [
    ["Super Administrator - All Privileges", "all_privileges"],
    ["Administrator", "admin"],
    ["Administrator Read Only", "admin_readonly"],
  ];
  const byName = PAIRS.map(([name, label]) => ({ id: `pg-${label}`, name, label: "", description: "", scopes: [] }));
  const byLabel = PAIRS.map(([, label]) => ({ id: `pg-${label}`, name: `${label} (renamed)`, label, description: "", scopes: [] }));
  const roles = PAIRS.map(([name], i) => role(`r${i}`, name));
  const catalogue = (permissionGroups: typeof byName, members: AccountSnapshot["members"]) => ({ ...model([], members, roles), permissionGroups });
  const accountScope = [{ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: "*" }] }];

  const cases = PAIRS.flatMap(([roleName, label], i) =>
    (
      [
        ["named as the role", byName],
        ["only labelled", byLabel],
      ] as const
    ).flatMap(([how, permissionGroups]) => [
      [
        `${roleName} (${label}, ${how}), mirrored on the system group`,
        permissionGroups,
        member("ada", [`r${i}`], [allow([`pg-${label}`], ["account"])]),
        [`ada pg-${label} ${wide} role:r${i}`],
      ] as const,
      [
        `${roleName} (${label}, ${how}), mirrored on a scope of *`,
        permissionGroups,
        member("ada", [`r${i}`], [allow([`pg-${label}`], [], accountScope)]),
        [`ada pg-${label} ${wide} role:r${i}`],
      ] as const,
    ]),
  );

  it.each(cases)("%s", (_, permissionGroups, holder, expected) => {
    expect(effectiveAccess(catalogue([...permissionGroups], [holder])).map(line)).toEqual(expected);
  });

  it("a member holding all three roles, each mirrored, holds three grants", () => {
    const holder = member(
      "ada",
      roles.map((r) => r.id),
      PAIRS.map(([, label]) => allow([`pg-${label}`], ["account"])),
    );
    expect(
      effectiveAccess(catalogue(byLabel, [holder]))
        .map(line)
        .sort(),
    ).toEqual([`ada pg-admin ${wide} role:r1`, `ada pg-admin_readonly ${wide} role:r2`, `ada pg-all_privileges ${wide} role:r0`]);
  });
});

describe("fact 62: a member read with one dimension holds what the account read with both holds", () => {
  const admins = [role("r-admin", "Administrator"), role("r-super", "Super Administrator - All Privileges")];
  const grants = (holder: AccountSnapshot["members"][number]) =>
    effectiveAccess(model([], [holder], admins))
      .map(line)
      .sort();
  const onAccount = (permissionGroup: string) => allow([permissionGroup], ["account"]);

  it.each([
    ["Administrator", "r-admin", "pg-admin"],
    ["Super Administrator - All Privileges", "r-super", "pg-super"],
  ])("%s: the role alone, the policy alone and both are one grant, the role", (_, roleId, permissionGroup) => {
    const expected = [`ada ${permissionGroup} ${wide} role:${roleId}`];
    expect(grants(member("ada", [roleId], [onAccount(permissionGroup)]))).toEqual(expected);
    expect(grants(member("ada", [roleId]))).toEqual(expected);
    expect(grants(member("ada", [], [onAccount(permissionGroup)]))).toEqual(expected);
  });

  it("a policy of a role's permission group on less than the account stays a direct policy", () => {
    expect(grants(member("ada", [], [allow(["pg-admin"], ["prod"])]))).toEqual(["ada pg-admin rg:prod direct"]);
  });

  it("without the account's roles, a whole-account policy stays a direct policy", () => {
    expect(effectiveAccess(model([], [member("ada", [], [onAccount("pg-admin")])])).map(line)).toEqual([`ada pg-admin ${wide} direct`]);
  });
});
