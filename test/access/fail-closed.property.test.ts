/**
 * The review never shows less access than `up` could grant. Random accounts (groups, members with
 * roles and direct policies, resource groups, the system group) and random changes in which any
 * input may be unknown at preview: the change played with its concrete values is the truth; the
 * review made with the unknowns must show every true gain, or a risk naming an unresolved step.
 */
import fc from "fast-check";
import { compareAccess, reviewData } from "../../access/compare";
import { effectiveAccess, grantKey } from "../../access/effective";
import { applyPreview, type Preview } from "../../access/preview";
import { defaultRiskRules } from "../../access/risk";
import type { AccountSnapshot } from "../../account/snapshot";
import { UNKNOWN } from "../../provider/framework/unknown";

const ACCOUNT = "a".repeat(32);
const SYSTEM = "rg-system";
const members = ["m1", "m2", "m3", "m4"];
const groups = ["g1", "g2", "g3"];
const resourceGroups = ["rg-a", "rg-b", SYSTEM];
const permissionGroups = [
  { id: "pg-admin", name: "Administrator", label: "admin", description: "", scopes: [] },
  { id: "pg-dns", name: "DNS Write", label: "dns_write", description: "", scopes: [] },
  { id: "pg-read", name: "Zone Read", label: "zone_read", description: "", scopes: [] },
];
const pgIds = permissionGroups.map((p) => p.id);
const roles = [
  { id: "r-super", name: "Super Administrator - All Privileges", description: "", permissions: {} },
  { id: "r-read", name: "Administrator Read Only", description: "", permissions: {} },
];

const policy = fc.record({
  access: fc.constantFrom("allow", "allow", "deny"),
  permissionGroups: fc.subarray(pgIds, { minLength: 1 }),
  resourceGroups: fc.subarray(resourceGroups, { minLength: 1 }),
  scopes: fc.constant<AccountSnapshot["userGroups"][number]["policies"][number]["scopes"]>([]),
});

const account: fc.Arbitrary<AccountSnapshot> = fc
  .record({
    groupMembers: fc.tuple(...groups.map(() => fc.subarray(members))),
    groupPolicies: fc.tuple(...groups.map(() => fc.array(policy, { maxLength: 2 }))),
    memberRoles: fc.tuple(
      ...members.map(() =>
        fc.subarray(
          roles.map((r) => r.id),
          { maxLength: 1 },
        ),
      ),
    ),
    memberPolicies: fc.tuple(...members.map(() => fc.array(policy, { maxLength: 1 }))),
  })
  .map(({ groupMembers, groupPolicies, memberRoles, memberPolicies }) => ({
    accountId: ACCOUNT,
    permissionGroups,
    roles,
    members: members.map((id, i) => ({ id, email: `${id}@example.com`, status: "accepted", roles: memberRoles[i], policies: memberPolicies[i] })),
    resourceGroups: resourceGroups.map((id) => ({
      id,
      name: id,
      scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: id === SYSTEM ? ["*"] : [`zone.${id}`] },
      system: id === SYSTEM,
    })),
    userGroups: groups.map((id, i) => ({ id, name: id, memberIds: groupMembers[i], policies: groupPolicies[i], scimManaged: false })),
    ssoConnectors: [],
    oauthClients: [],
    skipped: [],
  }));

/** A value that may be unknown at preview: its concrete value, and whether the preview hides it. */
const maybe = <T>(value: fc.Arbitrary<T>) => fc.record({ value, hidden: fc.boolean() });
type Maybe<T> = { value: T; hidden: boolean };

const type = (kind: string) => `pulumi-nodejs:dynamic/cloudflare-iam:${kind}`;
const urnOf = (kind: string, name: string) => `urn:pulumi:s::p::${type(kind)}::${name}`;
const DECOY = "urn:pulumi:s::p::pulumi-nodejs:dynamic:Resource::decoy";

/** One step of a change, built twice: with its concrete values, and as the preview shows it. */
interface StepPlan {
  build(reveal: boolean): Preview["steps"];
}

const pick = <T>(m: Maybe<T>, reveal: boolean) => (m.hidden && !reveal ? UNKNOWN : m.value);
const state = (kind: string, name: string, inputs: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}, id?: string) => ({
  urn: urnOf(kind, name),
  type: type(kind),
  inputs: { accountId: ACCOUNT, ...inputs },
  propertyDependencies,
  ...(id ? { id } : {}),
});

const policyInput = fc.record({
  permissionGroups: fc.array(maybe(fc.constantFrom(...pgIds)), { minLength: 1, maxLength: 2 }),
  resourceGroups: fc.array(maybe(fc.constantFrom(...resourceGroups)), { minLength: 1, maxLength: 2 }),
});
type PolicyPlan = { permissionGroups: Maybe<string>[]; resourceGroups: Maybe<string>[] };
const policyOf = (p: PolicyPlan, reveal: boolean) => ({
  access: "allow",
  permissionGroups: p.permissionGroups.map((m) => pick(m, reveal)),
  resourceGroups: p.resourceGroups.map((m) => pick(m, reveal)),
});
const decoyDeps = (hidden: boolean) => (hidden ? [DECOY] : []);

const stepPlan: fc.Arbitrary<StepPlan> = fc.oneof(
  // An authoritative member list of an existing group; the group or any member may be unknown.
  fc.record({ n: fc.nat(99), group: maybe(fc.constantFrom(...groups)), memberIds: fc.array(maybe(fc.constantFrom(...members)), { maxLength: 3 }) }).map(
    ({ n, group, memberIds }): StepPlan => ({
      build: (reveal) => [
        {
          op: "create",
          urn: urnOf("UserGroupMembers", `list${n}`),
          newState: state(
            "UserGroupMembers",
            `list${n}`,
            { userGroupId: pick(group, reveal), memberIds: memberIds.map((m) => pick(m, reveal)) },
            { userGroupId: decoyDeps(group.hidden) },
          ),
        },
      ],
    }),
  ),
  // One membership; either side may be unknown.
  fc.record({ n: fc.nat(99), group: maybe(fc.constantFrom(...groups)), member: maybe(fc.constantFrom(...members)) }).map(
    ({ n, group, member }): StepPlan => ({
      build: (reveal) => [
        {
          op: "create",
          urn: urnOf("UserGroupMember", `one${n}`),
          newState: state("UserGroupMember", `one${n}`, { userGroupId: pick(group, reveal), memberId: pick(member, reveal) }, { userGroupId: decoyDeps(group.hidden) }),
        },
      ],
    }),
  ),
  // New policies on an existing group; any permission group or resource group may be unknown.
  fc.record({ group: fc.constantFrom(...groups), policies: fc.array(policyInput, { minLength: 1, maxLength: 2 }) }).map(
    ({ group, policies }): StepPlan => ({
      build: (reveal) => {
        const hidden = policies.some((p) => [...p.permissionGroups, ...p.resourceGroups].some((m) => m.hidden));
        const old = state("UserGroup", group, { name: group, policies: [] }, {}, group);
        return [
          {
            op: "update",
            urn: old.urn,
            oldState: old,
            newState: state("UserGroup", group, { name: group, policies: policies.map((p) => policyOf(p, reveal)) }, { policies: decoyDeps(hidden) }),
          },
        ];
      },
    }),
  ),
  // The benign case: a new group with a policy and a member, linked by the group's own id.
  fc.record({ n: fc.nat(99), policy: policyInput, member: fc.constantFrom(...members) }).map(
    ({ n, policy: p, member }): StepPlan => ({
      build: (reveal) => {
        const hidden = [...p.permissionGroups, ...p.resourceGroups].some((m) => m.hidden);
        const newId = `(new UserGroup team${n})`;
        return [
          {
            op: "create",
            urn: urnOf("UserGroup", `team${n}`),
            newState: state("UserGroup", `team${n}`, { name: `team${n}`, policies: [policyOf(p, reveal)] }, { policies: decoyDeps(hidden) }),
          },
          {
            op: "create",
            urn: urnOf("UserGroupMember", `team${n}-member`),
            newState: state("UserGroupMember", `team${n}-member`, { userGroupId: reveal ? newId : UNKNOWN, memberId: member }, { userGroupId: [urnOf("UserGroup", `team${n}`)] }),
          },
        ];
      },
    }),
  ),
  // @pulumi/cloudflare's AccountMember: a direct policy whose groups may be unknown.
  fc.record({ member: fc.constantFrom(...members), policy: policyInput }).map(
    ({ member, policy: p }): StepPlan => ({
      build: (reveal) => {
        const inputs = {
          accountId: ACCOUNT,
          email: `${member}@example.com`,
          policies: [
            { access: "allow", permissionGroups: p.permissionGroups.map((m) => ({ id: pick(m, reveal) })), resourceGroups: p.resourceGroups.map((m) => ({ id: pick(m, reveal) })) },
          ],
        };
        const urn = `urn:pulumi:s::p::cloudflare:index/accountMember:AccountMember::${member}`;
        return [{ op: "create", urn, newState: { urn, type: "cloudflare:index/accountMember:AccountMember", inputs, propertyDependencies: {} } }];
      },
    }),
  ),
);

const decoyStep = {
  op: "create",
  urn: DECOY,
  newState: { urn: DECOY, type: "pulumi-nodejs:dynamic:Resource", inputs: { __provider: "exports.handler = …" }, propertyDependencies: {} },
};

function previewOf(plans: StepPlan[], reveal: boolean): Preview {
  return { steps: [...(reveal ? [] : [decoyStep]), ...plans.flatMap((p) => p.build(reveal))] };
}

const RISKY_UNRESOLVED = new Set(["unresolved", "not-reviewed"]);

it("reports every true gain, or a risk naming an unresolved step; never 'no change' when access grows", () => {
  fc.assert(
    fc.property(account, fc.array(stepPlan, { minLength: 1, maxLength: 4 }), (before, plans) => {
      const truth = applyPreview(before, previewOf(plans, true)).after;
      const was = new Set(effectiveAccess(before).map(grantKey));
      const gained = effectiveAccess(truth).filter((g) => !was.has(grantKey(g)));

      const planned = applyPreview(before, previewOf(plans, false));
      const review = reviewData(compareAccess(before, planned.after, defaultRiskRules, planned.outside, planned.notes, planned.risks));
      // The steps that hide a value, but for the benign link of a new group's member to that group.
      const hiding = plans
        .flatMap((p) => p.build(false))
        .filter((s) => JSON.stringify(s.newState?.inputs).includes(UNKNOWN) && !(s.newState?.propertyDependencies.userGroupId ?? []).some((urn) => urn.includes("UserGroup::")))
        .map((s) => s.urn.split("::").pop()!);
      const named = review.risks.some((r) => RISKY_UNRESOLVED.has(r.kind) && hiding.some((name) => r.message.includes(` ${name}:`)));

      if (gained.length) expect(review.risks.length + review.people.length).toBeGreaterThan(0);
      if (named) return;
      for (const grant of gained) {
        const email = `${grant.memberId}@example.com`;
        const pgName = permissionGroups.find((p) => p.id === grant.permissionGroupId)?.name;
        const target = "resourceGroupId" in grant.target && grant.target.resourceGroupId !== SYSTEM ? `"${grant.target.resourceGroupId}"` : "the account";
        const lines = review.people.find((p) => p.member === email)?.gains ?? [];
        const covered = lines.some((l) => l.permissionGroups.includes(pgName!) && (l.target === target || l.target === "the account"));
        expect({ grant, covered }).toEqual({ grant, covered: true });
      }
    }),
    { numRuns: 400 },
  );
});
