/** A preview played on the live account: steps by kind, and ids unknown at preview linked through property dependencies. */

import { applyPreview, changesAnything, type Preview, previewAccountId } from "../../access/preview";
import { UNKNOWN_PERMISSION } from "../../access/risk";
import { plain } from "../../access/text";
import type { AccountSnapshot } from "../../account/snapshot";
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

const create = (type: string, name: string, inputs: Record<string, unknown>, deps: Record<string, string[]> = {}) => ({
  op: "create",
  urn: urn(type, name),
  newState: state(type, name, inputs, deps),
});
const messages = (planned: ReturnType<typeof applyPreview>) => planned.risks.map((r) => `${r.kind}: ${plain(r.message)}`);

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
        newState: state(
          "UserGroup",
          "auditors",
          { name: "Auditors", policies: [{ access: "allow", permissionGroups: ["read"], resourceGroups: [UNKNOWN] }] },
          { policies: [urn("ResourceGroup", "audit")] },
        ),
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

describe("fails closed: what cannot be played exactly is a risk naming the resource and the reason", () => {
  const DECOY = "urn:pulumi:s::p::pulumi-nodejs:dynamic:Resource::decoy";
  const decoy = {
    op: "create",
    urn: DECOY,
    newState: { urn: DECOY, type: "pulumi-nodejs:dynamic:Resource", inputs: { __provider: "exports.handler = __f0;" }, propertyDependencies: {} },
  };
  const system = { id: "all", name: `com.cloudflare.api.account.${ACCOUNT}`, scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["*"] }, system: true };
  const account: AccountSnapshot = { ...live, resourceGroups: [system] };
  const played = (...steps: Preview["steps"]) => applyPreview(account, { steps });

  it("a member list for a group unknown at preview that no step creates", () => {
    const planned = played(decoy, create("UserGroupMembers", "m", { userGroupId: UNKNOWN, memberIds: ["eve"] }, { userGroupId: [DECOY] }));
    expect(messages(planned)).toContain("unresolved: UserGroupMembers m: the group is unknown until apply: this change may add eve to any group");
    expect(planned.after.userGroups[0].memberIds).toEqual(["ada", "hand"]);
  });

  it("one membership whose group and member are both unknown", () => {
    const planned = played(decoy, create("UserGroupMember", "m", { userGroupId: UNKNOWN, memberId: UNKNOWN }, { userGroupId: [DECOY] }));
    expect(messages(planned)).toEqual(
      expect.arrayContaining([
        "unresolved: UserGroupMember m: the group is unknown until apply: this change may add its members to any group",
        "unresolved: UserGroupMember m: the member is unknown until apply: anyone in the account may be added",
      ]),
    );
  });

  it("a known group id that is not in the account or the change", () => {
    expect(messages(played(create("UserGroupMember", "m", { userGroupId: "nowhere", memberId: "eve" })))).toContain(
      "unresolved: UserGroupMember m: the user group nowhere is not in the reviewed account or the change: this change may add eve to it",
    );
  });

  it("members unknown at preview", () => {
    const planned = played(create("UserGroupMembers", "m", { userGroupId: "g1", memberIds: ["ada", UNKNOWN] }));
    expect(messages(planned)).toContain("unresolved: UserGroupMembers m: its members are unknown until apply: anyone in the account may be added");
    expect(planned.after.userGroups[0].memberIds).toEqual(["ada"]);
  });

  it("unknown permission and resource groups in a policy are read as administrator-class on the whole account", () => {
    const step = {
      op: "update",
      urn: urn("UserGroup", "sre"),
      oldState: state("UserGroup", "sre", { name: "SRE", policies: [] }, {}, "g1"),
      newState: state("UserGroup", "sre", { name: "SRE", policies: [{ access: "allow", permissionGroups: [UNKNOWN], resourceGroups: [UNKNOWN] }] }, { policies: [DECOY] }),
    };
    const planned = played(decoy, step);
    expect(messages(planned)).toEqual(
      expect.arrayContaining([
        "unresolved: UserGroup sre: policy 1: a permission group is unknown until apply: reviewed as an administrator-class one",
        "unresolved: UserGroup sre: policy 1: a resource group is unknown until apply and not one this change creates: reviewed as the whole account",
      ]),
    );
    expect(planned.after.userGroups[0].policies).toEqual([
      { access: "allow", permissionGroups: [UNKNOWN_PERMISSION], resourceGroups: [], scopes: [{ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: "*" }] }] },
    ]);
  });

  it("policies unknown as a whole, a policy unknown, its access unknown, and a scope unknown", () => {
    const policies = (value: unknown) => played(create("UserGroup", "g", { name: "G", policies: value })).risks.map((r) => plain(r.message));
    expect(policies(UNKNOWN)).toEqual(["UserGroup g: its policies are unknown until apply: reviewed as granting a permission unknown until apply on the whole account"]);
    expect(policies([UNKNOWN])).toEqual(["UserGroup g: policy 1 is unknown until apply: reviewed as granting a permission unknown until apply on the whole account"]);
    expect(policies([{ access: UNKNOWN, permissionGroups: ["p"], resourceGroups: ["all"] }])).toEqual([
      "UserGroup g: policy 1: whether it allows or denies is unknown until apply: reviewed as allow",
    ]);
    expect(policies([{ access: "allow", permissionGroups: ["p"], scopes: [{ key: UNKNOWN, objects: [] }] }])).toEqual([
      "UserGroup g: policy 1: a scope is unknown until apply: reviewed as the whole account",
    ]);
  });

  it("a resource group whose whole scope is unknown is the whole account, and does not crash", () => {
    const planned = played(create("ResourceGroup", "rg", { name: "narrow", scope: UNKNOWN }));
    expect(messages(planned)).toEqual(["unresolved: ResourceGroup rg: its scope is unknown until apply: reviewed as the whole account"]);
    expect(planned.after.resourceGroups.find((g) => g.name === "narrow")!.scope).toEqual({ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["*"] });
  });

  it("an adoptId unknown at preview", () => {
    expect(messages(played(create("ResourceGroup", "rg", { name: "x", adoptId: UNKNOWN, scope: { key: "k", objects: [{ key: "o" }] } })))).toContain(
      "unresolved: ResourceGroup rg: the object it adopts is unknown until apply: it may take over and change any existing one",
    );
  });

  it("a step for another account, or an account unknown at preview, is named and not played", () => {
    const other = create("UserGroup", "g", { name: "G", policies: [], accountId: "b".repeat(32) });
    const unknown = create("UserGroup", "h", { name: "H", policies: [], accountId: UNKNOWN });
    const planned = played(other, unknown);
    expect(messages(planned)).toEqual([
      `unresolved: UserGroup g: changes account ${"b".repeat(32)}, which this review did not read: not reviewed`,
      "unresolved: UserGroup h: the account it changes is unknown until apply: not reviewed",
    ]);
    expect(planned.after.userGroups.map((g) => g.name)).toEqual(["SRE"]);
  });

  it("this package's provider under another type is a risk, and is played as the kind the provider names", () => {
    const shim = 'with({ kind: "userGroupMembers" }) { require("pulumi-cloudflare-iam/provider").providers[kind] }';
    const disguised = {
      op: "create",
      urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/tools:Thing::t",
      newState: {
        urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic/tools:Thing::t",
        type: "pulumi-nodejs:dynamic/tools:Thing",
        inputs: { __provider: shim, accountId: ACCOUNT, userGroupId: "g1", memberIds: ["eve"] },
        propertyDependencies: {},
      },
    };
    const planned = played(disguised);
    expect(messages(planned)).toEqual([
      "not-reviewed: pulumi-nodejs:dynamic/tools:Thing t: carries this package's provider under a type the review does not know: reviewed as a UserGroupMembers",
    ]);
    expect(planned.after.userGroups[0].memberIds).toEqual(["eve"]);
    expect(changesAnything({ steps: [disguised] })).toBe(true);
  });

  it("this package's provider whose kind cannot be told is a risk and is not played", () => {
    const s = {
      urn: "urn:pulumi:s::p::pulumi-nodejs:dynamic:Resource::t",
      type: "pulumi-nodejs:dynamic:Resource",
      inputs: { __provider: 'require("pulumi-cloudflare-iam/provider")' },
      propertyDependencies: {},
    };
    expect(messages(played({ op: "create", urn: s.urn, newState: s }))).toEqual([
      "not-reviewed: pulumi-nodejs:dynamic:Resource t: carries this package's provider under a type the review does not know, and what it manages cannot be told: not reviewed",
    ]);
  });

  it("someone else's dynamic provider, an access-granting @pulumi/cloudflare type, a command and an unknown step kind are risks", () => {
    const foreign = (type: string, op = "create") => ({
      op,
      urn: `urn:pulumi:s::p::${type}::x`,
      newState: { urn: `urn:pulumi:s::p::${type}::x`, type, inputs: {}, propertyDependencies: {} },
    });
    expect(messages(played(decoy))).toEqual([
      "not-reviewed: pulumi-nodejs:dynamic:Resource decoy: a dynamic resource whose provider is not this package's: its code runs with the stack's token and may change any access; not reviewed",
    ]);
    expect(messages(played(foreign("cloudflare:index/apiToken:ApiToken")))).toEqual([
      "not-reviewed: cloudflare:index/apiToken:ApiToken x: not reviewed: grants access outside user groups",
    ]);
    expect(messages(played(foreign("command:local:Command")))).toEqual([
      "not-reviewed: command:local:Command x: not reviewed: runs commands of its own during up, which may call the Cloudflare API",
    ]);
    expect(messages(played(foreign("cloudflare:index/dnsRecord:DnsRecord")))).toEqual([]);
    expect(messages(played({ ...create("UserGroup", "g", { name: "G" }), op: "import" }))).toEqual([
      'unresolved: UserGroup g: its step "import" is one the review does not know how to play',
    ]);
  });

  it("@pulumi/cloudflare AccountMember is played as the member's direct policies, an invitee added", () => {
    const type = "cloudflare:index/accountMember:AccountMember";
    const member = (email: string, inputs: Record<string, unknown>) => ({
      op: "create",
      urn: `urn:pulumi:s::p::${type}::${email}`,
      newState: { urn: `urn:pulumi:s::p::${type}::${email}`, type, inputs: { accountId: ACCOUNT, email, ...inputs }, propertyDependencies: {} },
    });
    const planned = played(
      member("New@Example.com", { policies: [{ access: "allow", permissionGroups: [{ id: "admin" }], resourceGroups: [{ id: "all" }] }] }),
      member("x@example.com", { roles: [UNKNOWN] }),
    );
    expect(planned.after.members.find((m) => m.email === "new@example.com")).toEqual({
      id: "(invited new@example.com)",
      email: "new@example.com",
      status: "pending",
      roles: [],
      policies: [{ access: "allow", permissionGroups: ["admin"], resourceGroups: ["all"], scopes: [] }],
    });
    expect(messages(planned)).toEqual([`unresolved: ${type} x@example.com: unknown until apply: roles.0; reviewed as administrator-class on the whole account`]);
    expect(planned.after.members.find((m) => m.email === "x@example.com")!.policies).toEqual([
      { access: "allow", permissionGroups: [UNKNOWN_PERMISSION], resourceGroups: ["all"], scopes: [] },
    ]);
  });

  it("the account a preview is for: the stack's setting first", () => {
    expect(previewAccountId({ config: { "cloudflare-iam:accountId": "c".repeat(32) }, steps: [] })).toBe("c".repeat(32));
  });
});

describe("a disguised step: this package's provider under a type the review does not know", () => {
  const TYPE = "pulumi-nodejs:dynamic:Resource";
  const WHOLE = `com.cloudflare.api.account.${ACCOUNT}`;
  const account: AccountSnapshot = { ...live, members: [{ id: "eve", email: "eve@example.com", status: "accepted", roles: [], policies: [] }] };
  /** A create of a resource whose serialized provider is `shim` and whose inputs are `inputs`. */
  const disguised = (shim: string, inputs: Record<string, unknown>) => {
    const u = `urn:pulumi:s::p::${TYPE}::t`;
    return { op: "create", urn: u, newState: { urn: u, type: TYPE, inputs: { __provider: shim, accountId: ACCOUNT, ...inputs }, propertyDependencies: {} } };
  };
  const SHIM = 'require("pulumi-cloudflare-iam/provider")';
  const readAs = (shim: string, inputs: Record<string, unknown>) => {
    const planned = applyPreview(account, { steps: [disguised(shim, inputs)] });
    return { risks: planned.risks.map((r) => plain(r.message)), members: planned.after.userGroups[0].memberIds };
  };
  const reviewedAs = (kind: string) => [`${TYPE} t: carries this package's provider under a type the review does not know: reviewed as a ${kind}`];
  const untold = [`${TYPE} t: carries this package's provider under a type the review does not know, and what it manages cannot be told: not reviewed`];

  it("a shim that names no kind is told by its inputs: a group and one member is a UserGroupMember, a group and a list is UserGroupMembers", () => {
    expect(readAs(SHIM, { userGroupId: "g1", memberId: "eve" })).toEqual({ risks: reviewedAs("UserGroupMember"), members: ["ada", "hand", "eve"] });
    expect(readAs(SHIM, { userGroupId: "g1", memberIds: ["eve"] })).toEqual({ risks: reviewedAs("UserGroupMembers"), members: ["eve"] });
    expect(readAs(SHIM, { userGroupId: "g1", memberIds: ["eve"], policies: [] })).toEqual({ risks: reviewedAs("UserGroupMembers"), members: ["eve"] });
  });

  it("inputs that fit no kind, or more than one, cannot be told and are not played", () => {
    expect(readAs(SHIM, { memberId: "eve" })).toEqual({ risks: untold, members: ["ada", "hand"] });
    expect(readAs(SHIM, { userGroupId: "g1" })).toEqual({ risks: untold, members: ["ada", "hand"] });
    expect(readAs(SHIM, { userGroupId: "g1", memberId: "eve", memberIds: ["eve"] })).toEqual({ risks: untold, members: ["ada", "hand"] });
  });

  it("every other kind is told by its inputs", () => {
    const kinds = [
      { name: "Ops", policies: [] },
      { name: "narrow", scope: { key: WHOLE, objects: [{ key: "zone.a" }] } },
      { emailDomain: "example.com" },
      { clientName: "Grafana", scopes: [] },
    ].map((inputs) => readAs(SHIM, inputs).risks[0]);
    expect(kinds).toEqual(["UserGroup", "ResourceGroup", "SSOConnector", "OAuthClient"].flatMap(reviewedAs));
  });

  it("a shim that names several kinds is told by its inputs, never by the first kind it names", () => {
    const several = 'const p = require("pulumi-cloudflare-iam/provider").providers; module.exports = p.oauthClient ?? p.userGroup;';
    expect(readAs(several, { userGroupId: "g1", memberIds: ["eve"] })).toEqual({ risks: reviewedAs("UserGroupMembers"), members: ["eve"] });
    expect(readAs(several, {})).toEqual({ risks: untold, members: ["ada", "hand"] });
  });

  it("an email beside a group is a membership, not an account member", () => {
    expect(readAs(SHIM, { email: "eve@example.com", userGroupId: "g1", memberId: "eve" })).toEqual({ risks: reviewedAs("UserGroupMember"), members: ["ada", "hand", "eve"] });
  });

  it("this package's module with a type it does not define is told by its provider, never played as ours", () => {
    const type = "pulumi-nodejs:dynamic/cloudflare-iam:Thing";
    const s = { urn: `urn:pulumi:s::p::${type}::t`, type, inputs: { __provider: SHIM, accountId: ACCOUNT, userGroupId: "g1", memberIds: ["eve"] }, propertyDependencies: {} };
    const planned = applyPreview(account, { steps: [{ op: "create", urn: s.urn, newState: s }] });
    expect(planned.risks.map((r) => plain(r.message))).toEqual([
      `${type} t: carries this package's provider under a type the review does not know: reviewed as a UserGroupMembers`,
    ]);
  });

  it("a shim that names one kind is that kind, whatever its inputs look like", () => {
    expect(readAs('require("pulumi-cloudflare-iam/provider").providers.userGroupMember', { userGroupId: "g1", memberId: "eve", memberIds: ["x"] })).toEqual({
      risks: reviewedAs("UserGroupMember"),
      members: ["ada", "hand", "eve"],
    });
  });
});

describe("deletes play on the account, each kind its own", () => {
  const WHOLE = `com.cloudflare.api.account.${ACCOUNT}`;
  const account: AccountSnapshot = {
    ...live,
    resourceGroups: [{ id: "rg1", name: "prod", scope: { key: WHOLE, objects: ["zone.a"] }, system: false }],
    ssoConnectors: [{ id: "sso1", emailDomain: "example.com", enabled: true, useFedrampLanguage: false, verificationCode: "", verificationStatus: "verified" }],
    oauthClients: [
      { id: "c1", args: { clientName: "Grafana", scopes: ["zone.read"], visibility: "private" } },
      { id: "c2", args: { clientName: "Other", scopes: [], visibility: "private" } },
    ],
  };
  const deleted = (type: string, id: string, inputs: Record<string, unknown> = {}) => {
    const old = state(type, "x", inputs, {}, id);
    return applyPreview(account, { steps: [{ op: "delete", urn: old.urn, oldState: old }] }).after;
  };

  it("an OAuth client's delete removes that client and no other", () => {
    expect(deleted("OAuthClient", "c1", { clientName: "Grafana" }).oauthClients.map((c) => c.id)).toEqual(["c2"]);
  });

  it("a resource group's, an SSO connector's and a user group's deletes remove them", () => {
    expect(deleted("ResourceGroup", "rg1").resourceGroups).toEqual([]);
    expect(deleted("SSOConnector", "sso1").ssoConnectors).toEqual([]);
    expect(deleted("UserGroup", "g1").userGroups).toEqual([]);
  });

  it("one membership's delete takes that member out of that group", () => {
    expect(deleted("UserGroupMember", "g1/ada").userGroups[0].memberIds).toEqual(["hand"]);
  });
});

describe("every step kind `pulumi preview --json` writes, and the types it is told apart by", () => {
  const group = (name: string, id?: string) => state("UserGroup", "ops", { name, policies: [] }, {}, id);
  const play = (...steps: Preview["steps"]) => {
    const planned = applyPreview(live, { steps });
    return { groups: planned.after.userGroups.map((g) => g.name), risks: planned.risks.map((r) => `${r.kind}: ${plain(r.message)}`) };
  };

  it("same, read, refresh and discard change nothing and are no risk", () => {
    for (const op of ["same", "read", "refresh", "discard"]) {
      const step = { op, urn: group("Ops").urn, newState: group("Ops", "g9"), oldState: group("Ops", "g9") };
      expect([op, play(step), changesAnything({ steps: [step] })]).toEqual([op, { groups: ["SRE"], risks: [] }, false]);
    }
  });

  it("create and create-replacement put the new state, delete and delete-replaced take the old, replace does both", () => {
    const sre = { ...state("UserGroup", "sre", { name: "SRE", policies: [] }, {}, "g1") };
    const renamed = state("UserGroup", "sre", { name: "SRE 2", policies: [] }, {}, "g2");
    expect(play({ op: "create", urn: group("Ops").urn, newState: group("Ops") }).groups).toEqual(["SRE", "Ops"]);
    expect(play({ op: "create-replacement", urn: renamed.urn, newState: renamed }).groups).toEqual(["SRE", "SRE 2"]);
    expect(play({ op: "delete", urn: sre.urn, oldState: sre }).groups).toEqual([]);
    expect(play({ op: "delete-replaced", urn: sre.urn, oldState: sre }).groups).toEqual([]);
    expect(play({ op: "replace", urn: sre.urn, oldState: sre, newState: renamed }).groups).toEqual(["SRE 2"]);
    for (const op of ["create", "create-replacement", "delete", "delete-replaced", "replace", "update"]) {
      expect([op, changesAnything({ steps: [{ op, urn: sre.urn, oldState: sre, newState: sre }] })]).toEqual([op, true]);
    }
  });

  it("a type that only ends like one of ours, or only contains Pulumi's dynamic or Cloudflare's or the command package's, is not taken for it", () => {
    const step = (type: string, inputs: Record<string, unknown> = {}) => ({
      op: "create",
      urn: `urn:pulumi:s::p::${type}::x`,
      newState: { urn: `urn:pulumi:s::p::${type}::x`, type, inputs: { accountId: ACCOUNT, name: "Spoof", policies: [], ...inputs }, propertyDependencies: {} },
    });
    expect(play(step("pulumi-nodejs:dynamic/cloudflare-iax:UserGroup", { __provider: "exports.handler = 1" })).risks).toEqual([
      "not-reviewed: pulumi-nodejs:dynamic/cloudflare-iax:UserGroup x: a dynamic resource whose provider is not this package's: its code runs with the stack's token and may change any access; not reviewed",
    ]);
    for (const type of ["mine:pulumi-nodejs:dynamic:Resource", "mine:cloudflare:index/apiToken:ApiToken", "mine:index/command:Command"]) {
      expect([type, play(step(type, { __provider: 'require("pulumi-cloudflare-iam/provider")' }))]).toEqual([type, { groups: ["SRE"], risks: [] }]);
    }
  });

  it("every @pulumi/cloudflare type named for a token, member, group or role, whatever surrounds the word, is not reviewed", () => {
    const types = ["cloudflare:index/accountTokenPolicy:AccountTokenPolicy", "cloudflare:index/memberRoles:MemberRoles", "cloudflare:index/zeroTrustUserGroupSettings:X"];
    for (const type of types) {
      const s = { urn: `urn:pulumi:s::p::${type}::x`, type, inputs: {}, propertyDependencies: {} };
      expect(play({ op: "create", urn: s.urn, newState: s }).risks).toEqual([`not-reviewed: ${type} x: not reviewed: grants access outside user groups`]);
    }
  });

  it("a dynamic resource whose provider is not a string is someone else's", () => {
    const type = "pulumi-nodejs:dynamic:Resource";
    const s = { urn: `urn:pulumi:s::p::${type}::x`, type, inputs: { __provider: 42 }, propertyDependencies: {} };
    expect(play({ op: "create", urn: s.urn, newState: s }).risks).toEqual([
      `not-reviewed: ${type} x: a dynamic resource whose provider is not this package's: its code runs with the stack's token and may change any access; not reviewed`,
    ]);
  });
});

describe("AccountMember: an invite, a change of direct grants, a removal", () => {
  const ADMIN_ROLE = { id: "r-admin", name: "Administrator", description: "", permissions: {} };
  const ada = { id: "ada", email: "ada@example.com", status: "accepted", roles: [], policies: [] };
  const account: AccountSnapshot = { ...live, roles: [ADMIN_ROLE], members: [ada] };
  const played = (...steps: Preview["steps"]) => applyPreview(account, { steps });
  const dnsWrite = { access: "allow", permissionGroups: ["dns-write"], resourceGroups: ["rg"] };
  const invite = create("AccountMember", "bob", { email: "Bob@Example.com", policies: [dnsWrite] });
  const bobId = "(new AccountMember bob)";

  it("a create is a pending member holding its direct policies, and a member list naming its unknown id resolves to it", () => {
    const planned = played(invite, {
      op: "update",
      urn: urn("UserGroupMembers", "sre"),
      newState: state("UserGroupMembers", "sre", { userGroupId: "g1", memberIds: ["ada", UNKNOWN] }, { memberIds: [invite.urn] }),
    });
    expect(planned.after.members.find((m) => m.id === bobId)).toEqual({
      id: bobId,
      email: "bob@example.com",
      status: "pending",
      roles: [],
      policies: [{ ...dnsWrite, scopes: [] }],
    });
    expect(planned.after.userGroups[0].memberIds).toEqual(["ada", bobId]);
    expect(messages(planned)).toEqual([]);
  });

  it("one member resolves a UserGroupMember's unknown id; an unknown that also depends on another change stays a risk", () => {
    const joins = create("UserGroupMember", "bob-sre", { userGroupId: "g1", memberId: UNKNOWN }, { memberId: [invite.urn] });
    expect(played(invite, joins).after.userGroups[0].memberIds).toContain(bobId);
    const group = create("UserGroup", "other", { name: "Other", policies: [] });
    const both = create("UserGroupMembers", "m", { userGroupId: "g1", memberIds: [UNKNOWN] }, { memberIds: [invite.urn, group.urn] });
    const planned = played(invite, group, both);
    expect(planned.after.userGroups[0].memberIds).not.toContain(bobId);
    expect(messages(planned)).toEqual(["unresolved: UserGroupMembers m: its members are unknown until apply: anyone in the account may be added"]);
  });

  it("two unknown ids resolve to two invites, and to no more", () => {
    const carol = create("AccountMember", "carol", { email: "carol@example.com" });
    const list = (ids: unknown[]) => create("UserGroupMembers", "m", { userGroupId: "g1", memberIds: ids }, { memberIds: [invite.urn, carol.urn] });
    expect(played(invite, carol, list([UNKNOWN, UNKNOWN])).after.userGroups[0].memberIds).toEqual([bobId, "(new AccountMember carol)"]);
    expect(messages(played(invite, carol, list([UNKNOWN])))).toEqual(["unresolved: UserGroupMembers m: its members are unknown until apply: anyone in the account may be added"]);
  });

  it("fact 62: roles by name are the account's role ids, and the policies are then none: each grant counted once", () => {
    const planned = played(create("AccountMember", "bob", { email: "bob@example.com", roles: ["Administrator"] }));
    expect(planned.after.members.find((m) => m.id === bobId)).toMatchObject({ roles: ["r-admin"], policies: [] });
  });

  it("an unknown email or role is a risk, read as a new member with the widest role", () => {
    const planned = played(create("AccountMember", "x", { email: UNKNOWN, roles: [UNKNOWN] }));
    expect(messages(planned)).toEqual([
      "unresolved: AccountMember x: its email is unknown until apply: reviewed as a new member",
      "unresolved: AccountMember x: a role is unknown until apply, or not one of the account's: reviewed as administrator-class on the whole account",
    ]);
    expect(planned.after.members.find((m) => m.email === "(member x)")!.roles).toEqual([UNKNOWN_PERMISSION]);
  });

  it("fact 69: with adoptExisting, an address already in the account keeps its membership, and a member list naming it resolves to it", () => {
    const adopt = create("AccountMember", "ada", { email: "ADA@example.com", adoptExisting: true, roles: ["r-admin"] });
    const joins = create("UserGroupMember", "ada-sre", { userGroupId: "g1", memberId: UNKNOWN }, { memberId: [adopt.urn] });
    const planned = played(adopt, joins);
    expect(planned.after.members).toEqual([{ ...ada, roles: ["r-admin"], policies: [] }]);
    expect(planned.after.userGroups[0].memberIds).toEqual(["ada", "hand"]);
  });

  it("fact 69: an invite of an address already in the account, without adoptExisting, is played on that member: the widest reading", () => {
    const planned = played(create("AccountMember", "again", { email: "Ada@example.com", policies: [dnsWrite] }));
    expect(planned.after.members).toEqual([{ ...ada, policies: [{ ...dnsWrite, scopes: [] }] }]);
  });

  it("with neither roles nor policies, an adopted member keeps the direct grants it holds", () => {
    const holder = { ...ada, roles: ["r-admin"] };
    const planned = applyPreview({ ...account, members: [holder] }, { steps: [create("AccountMember", "ada", { email: "ada@example.com", adoptExisting: true })] });
    expect(planned.after.members).toEqual([holder]);
  });

  it("an update replaces the member's direct grants", () => {
    const old = state("AccountMember", "ada", { email: "ada@example.com", roles: ["r-admin"] }, {}, "ada");
    const planned = played({ op: "update", urn: old.urn, oldState: old, newState: state("AccountMember", "ada", { email: "ada@example.com", policies: [dnsWrite] }) });
    expect(planned.after.members).toEqual([{ ...ada, roles: [], policies: [{ ...dnsWrite, scopes: [] }] }]);
  });

  it("a delete removes the member from the account and every group; a retained delete (retainOnDelete) removes nothing", () => {
    const old = state("AccountMember", "ada", { email: "ada@example.com" }, {}, "ada");
    const planned = played({ op: "delete", urn: old.urn, oldState: old });
    expect(planned.after.members).toEqual([]);
    expect(planned.after.userGroups[0].memberIds).toEqual(["hand"]);
    const retained = played({ op: "delete", urn: old.urn, oldState: { ...old, retainOnDelete: true } });
    expect(retained.after.members).toEqual([ada]);
    expect(retained.after.userGroups[0].memberIds).toEqual(["ada", "hand"]);
  });

  it("under a type the review does not know, an AccountMember's inputs are told from a UserGroup's by the email", () => {
    const DISGUISED = "urn:pulumi:s::p::pulumi-nodejs:dynamic:Resource::m";
    const inputs = { accountId: ACCOUNT, __provider: "require('pulumi-cloudflare-iam')", email: "eve@example.com", policies: [dnsWrite] };
    const planned = played({ op: "create", urn: DISGUISED, newState: { urn: DISGUISED, type: "pulumi-nodejs:dynamic:Resource", inputs, propertyDependencies: {} } });
    expect(messages(planned)).toEqual([
      "not-reviewed: pulumi-nodejs:dynamic:Resource m: carries this package's provider under a type the review does not know: reviewed as a AccountMember",
    ]);
    expect(planned.after.members.find((m) => m.email === "eve@example.com")!.policies).toEqual([{ ...dnsWrite, scopes: [] }]);
  });
});

describe("what a preview is about: whether it changes anything, and for which account", () => {
  const ours = (op: string) => ({ op, urn: urn("UserGroup", "g"), newState: state("UserGroup", "g", { name: "G", policies: [] }) });
  const elsewhere = (op: string) => {
    const type = "cloudflare:index/dnsRecord:DnsRecord";
    return { op, urn: `urn:pulumi:s::p::${type}::r`, newState: { urn: `urn:pulumi:s::p::${type}::r`, type, inputs: { accountId: "b".repeat(32) }, propertyDependencies: {} } };
  };

  it("one changing step of a reviewed type among unchanged ones changes something; a change elsewhere only does not", () => {
    expect(changesAnything({ steps: [ours("same"), ours("create")] })).toBe(true);
    expect(changesAnything({ steps: [elsewhere("create"), ours("same")] })).toBe(false);
    expect(changesAnything({ steps: [{ op: "delete", urn: "u" }] })).toBe(false);
  });

  it("a secret account setting is no account id: the first one the resources name is", () => {
    expect(previewAccountId({ config: { "cloudflare-iam:accountId": "[secret]" }, steps: [elsewhere("create"), ours("create")] })).toBe(ACCOUNT);
    expect(previewAccountId({ steps: [elsewhere("create")] })).toBeUndefined();
  });
});

describe("SSO connectors and OAuth clients played from their inputs", () => {
  const account: AccountSnapshot = {
    ...live,
    ssoConnectors: [{ id: "s1", emailDomain: "example.com", enabled: false, useFedrampLanguage: true, verificationCode: "code-1", verificationStatus: "verified" }],
  };
  const play = (type: string, op: string, inputs: Record<string, unknown>, id?: string) => {
    const s = state(type, "x", inputs, {}, id);
    const planned = applyPreview(account, { steps: [{ op, urn: s.urn, newState: s, ...(op === "update" ? { oldState: s } : {}) }] });
    return { after: planned.after, risks: planned.risks.map((r) => plain(r.message)) };
  };

  it("a connector unknown at preview names every unknown input; an update keeps what the account knows of it", () => {
    const created = play("SSOConnector", "create", { emailDomain: UNKNOWN, enabled: UNKNOWN });
    expect(created.risks).toEqual(["SSOConnector x: unknown until apply: emailDomain, enabled"]);
    expect(created.after.ssoConnectors[1]).toEqual({
      id: "(new SSOConnector x)",
      emailDomain: UNKNOWN,
      enabled: true,
      useFedrampLanguage: false,
      verificationCode: "",
      verificationStatus: "",
    });
    const updated = play("SSOConnector", "update", { emailDomain: "example.com", enabled: true }, "s1");
    expect(updated.after.ssoConnectors).toEqual([
      { id: "s1", emailDomain: "example.com", enabled: true, useFedrampLanguage: true, verificationCode: "code-1", verificationStatus: "verified" },
    ]);
    expect(play("SSOConnector", "create", { emailDomain: "b.example", enabled: false }).after.ssoConnectors[1].enabled).toBe(false);
  });

  it("a client with unknown inputs is reviewed as public, its known scopes in canonical order", () => {
    const unknown = play("OAuthClient", "create", { clientName: "Grafana", scopes: ["zone.read", UNKNOWN, "account.read"], visibility: UNKNOWN });
    expect(unknown.risks).toEqual(["OAuthClient x: unknown until apply: scopes.1, visibility; reviewed as public"]);
    expect(unknown.after.oauthClients).toEqual([
      { id: "(new OAuthClient x)", args: { accountId: ACCOUNT, clientName: "Grafana", scopes: ["account.read", "zone.read"], visibility: "public" } },
    ]);
    const known = play("OAuthClient", "create", { clientName: "Grafana", scopes: ["zone.read"], visibility: "private" });
    expect([known.risks, known.after.oauthClients[0].args.visibility]).toEqual([[], "private"]);
  });
});

describe("a member list unknown as a whole, or absent", () => {
  const play = (memberIds: unknown) => {
    const s = state("UserGroupMembers", "m", { userGroupId: "g1", ...(memberIds === undefined ? {} : { memberIds }) });
    const planned = applyPreview(live, { steps: [{ op: "create", urn: s.urn, newState: s }] });
    return { risks: planned.risks.map((r) => plain(r.message)), members: planned.after.userGroups[0].memberIds };
  };

  it("a list unknown as a whole may add anyone, and plays as no known member; an absent one empties the group and is no risk", () => {
    expect(play(UNKNOWN)).toEqual({ risks: ["UserGroupMembers m: its members are unknown until apply: anyone in the account may be added"], members: [] });
    expect(play(undefined)).toEqual({ risks: [], members: [] });
  });
});
