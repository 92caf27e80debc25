/** Effective access, a pure function: table cases, each an account and the grants it must give. */
import type { AccountSnapshot } from "../../account/snapshot";
import { effectiveAccess, Grant, targetKey } from "../../access/effective";

type Policy = AccountSnapshot["userGroups"][number]["policies"][number];
const allow = (permissionGroups: string[], resourceGroups: string[], scopes: Policy["scopes"] = []): Policy => ({ access: "allow", permissionGroups, resourceGroups, scopes });
const group = (id: string, memberIds: string[], policies: Policy[]) => ({ id, name: id, memberIds, policies, scimManaged: false });

/** A grant as one readable line: member, permission group, where, through which group. */
const line = (g: Grant) => `${g.memberId} ${g.permissionGroupId} ${targetKey(g.target)} ${g.groupId}`;

const cases: [string, AccountSnapshot["userGroups"], string[]][] = [
  ["one member, one group, one policy", [group("SRE", ["ada"], [allow(["dns"], ["prod"])])], ["ada dns rg:prod SRE"]],
  [
    "several groups per member: the union, each grant naming its group",
    [group("SRE", ["ada"], [allow(["dns"], ["prod"])]), group("Billing", ["ada"], [allow(["billing"], ["account"])])],
    ["ada billing rg:account Billing", "ada dns rg:prod SRE"],
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
  [
    "a policy on two resource groups: granted on each",
    [group("SRE", ["ada"], [allow(["dns"], ["prod", "staging"])])],
    ["ada dns rg:prod SRE", "ada dns rg:staging SRE"],
  ],
  [
    "an inline scope (fact 24) is a place of its own",
    [group("SRE", ["ada"], [allow(["dns"], [], [{ key: "acct", objects: [{ key: "zone.b" }, { key: "zone.a" }] }])])],
    ["ada dns scope:acct:zone.a,zone.b SRE"],
  ],
  ["a group with no members grants nothing", [group("Empty", [], [allow(["admin"], ["account"])])], []],
  [
    "a deny policy takes away the matching allow, from any group",
    [group("SRE", ["ada", "bob"], [allow(["dns"], ["prod"])]), group("Frozen", ["bob"], [{ ...allow(["dns"], ["prod"]), access: "deny" }])],
    ["ada dns rg:prod SRE"],
  ],
];

it.each(cases)("%s", (_, userGroups, expected) => {
  expect(effectiveAccess({ userGroups }).map(line).sort()).toEqual(expected);
});
