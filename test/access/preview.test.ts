/** A preview played on the live account: steps by kind, and ids unknown at preview linked through property dependencies. */
import type { AccountSnapshot } from "../../account/snapshot";
import { applyPreview, changesAnything, Preview, previewAccountId } from "../../access/preview";
import { UNKNOWN } from "../../provider/framework/unknown";

const ACCOUNT = "a".repeat(32);
const urn = (type: string, name: string) => `urn:pulumi:s::p::pulumi-nodejs:dynamic/cloudflare-iam:${type}::${name}`;
const state = (type: string, name: string, inputs: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}, id?: string) => ({
  urn: urn(type, name),
  type: `pulumi-nodejs:dynamic/cloudflare-iam:${type}`,
  inputs: { accountId: ACCOUNT, ...inputs },
  propertyDependencies,
  ...(id ? { id } : {}),
});

const live: AccountSnapshot = {
  accountId: ACCOUNT,
  permissionGroups: [],
  members: [],
  roles: [],
  resourceGroups: [],
  userGroups: [{ id: "g1", name: "SRE", memberIds: ["ada", "hand"], scimManaged: false, policies: [] }],
  ssoConnectors: [],
  oauthClients: [],
  skipped: [],
};

it("links a new group's members and a new resource group in its policy to the steps that create them", () => {
  const preview: Preview = {
    steps: [
      { op: "create", urn: urn("ResourceGroup", "audit"), newState: state("ResourceGroup", "audit", { name: "audit", scope: { key: "k", objects: [{ key: "zone.a" }] } }) },
      {
        op: "create",
        urn: urn("UserGroup", "auditors"),
        newState: state("UserGroup", "auditors", { name: "Auditors", policies: [{ access: "allow", permissionGroups: ["read"], resourceGroups: [UNKNOWN] }] }, { policies: [urn("ResourceGroup", "audit")] }),
      },
      {
        op: "create",
        urn: urn("UserGroupMembers", "auditors"),
        newState: state("UserGroupMembers", "auditors", { userGroupId: UNKNOWN, memberIds: ["eve"] }, { userGroupId: [urn("UserGroup", "auditors")] }),
      },
    ],
  };
  const { after, notes } = applyPreview(live, preview);
  const auditors = after.userGroups.find((g) => g.name === "Auditors")!;
  expect(auditors.memberIds).toEqual(["eve"]);
  expect(auditors.policies[0].resourceGroups).toEqual([after.resourceGroups.find((g) => g.name === "audit")!.id]);
  expect(notes).toEqual([]);
  expect(changesAnything(preview)).toBe(true);
  expect(previewAccountId(preview)).toBe(ACCOUNT);
});

it("a member list that replaces the group's members names who it removes that this program never added", () => {
  const old = { ...state("UserGroupMembers", "sre", { userGroupId: "g1", memberIds: ["ada"] }, {}, "g1"), outputs: { memberIds: ["ada"] } };
  const preview: Preview = {
    steps: [{ op: "update", urn: old.urn, oldState: old, newState: state("UserGroupMembers", "sre", { userGroupId: "g1", memberIds: ["ada", "bob"] }) }],
  };
  const { after, outside } = applyPreview(live, preview);
  expect(after.userGroups[0].memberIds).toEqual(["ada", "bob"]);
  expect(outside).toEqual([{ groupId: "g1", memberIds: ["hand"] }]);
});

it("deletes empty the group a member list managed, and a preview of only unchanged steps changes nothing", () => {
  const old = state("UserGroupMembers", "sre", { userGroupId: "g1", memberIds: ["ada"] }, {}, "g1");
  expect(applyPreview(live, { steps: [{ op: "delete", urn: old.urn, oldState: old }] }).after.userGroups[0].memberIds).toEqual([]);
  expect(changesAnything({ steps: [{ op: "same", urn: old.urn, newState: old }] })).toBe(false);
});
