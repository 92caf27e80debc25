import { accountMembers } from "../../../../emulator";
import { providers } from "../../../../provider";
import { ValidationError } from "../../../../provider/client";
import { explainMembersError } from "../../../../provider/resources/api-errors";
import { requestsTo, useProxiedProvider } from "../../../support/api-proxy";
import { admin, resetStats, stats, useEmulator } from "../../../support/emulator";
import { api, created, diffOf, untilMembersVisible, updated, useProviderConfig } from "../../../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);
const provider = providers.userGroupMembers;
const ids = accountMembers.map((m) => m.id);
let groupId: string;

beforeEach(async () => {
  groupId = (await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: `g${Math.random()}`, policies: [] })).id;
});

it("sets exactly the listed members, and compares them as a set", async () => {
  const wanted = ids.slice(0, 5).reverse();
  const { id, outs } = await created(provider, { userGroupId: groupId, memberIds: wanted });
  expect(id).toBe(groupId);
  expect(outs.memberIds).toEqual([...wanted].sort());
  expect(outs.members.map((m: { email: string }) => m.email)).toEqual([...outs.members.map((m: { email: string }) => m.email)].sort());
  expect(await diffOf(provider, id, outs, { userGroupId: groupId, memberIds: [...wanted].sort() })).toMatchObject({ changes: false });
});

it("reads every page of a large group, and sees out-of-band removals", async () => {
  const { id, outs } = await created(provider, { userGroupId: groupId, memberIds: ids.slice(0, 55) });
  await resetStats(emulator());
  expect((await provider.read!(id, outs)).props.memberIds).toHaveLength(55);
  // facts 27: up to 500 members a page, so 55 members are one request.
  expect((await stats(emulator())).byMethod.GET).toBe(1);
  await api(emulator())("DELETE", `/iam/user_groups/${groupId}/members/${ids[0]}`);
  const read = await provider.read!(id, outs);
  expect(read.props.memberIds).toHaveLength(54);
  expect(await diffOf(provider, id, read.props, { userGroupId: groupId, memberIds: ids.slice(0, 55) })).toMatchObject({ changes: true });
});

it("replaces the set on update, replaces the resource on a new group, and empties the group on delete", async () => {
  const { id, outs } = await created(provider, { userGroupId: groupId, memberIds: ids.slice(0, 3) });
  const next = await updated(provider, id, outs, { userGroupId: groupId, memberIds: ids.slice(2, 6) });
  expect(next.memberIds).toEqual(ids.slice(2, 6).sort());
  expect((await diffOf(provider, id, next, { userGroupId: "e".repeat(32), memberIds: [] })).replaces).toEqual(["userGroupId"]);
  await provider.delete!(id, next);
  // fact 28: an empty group's member list is `result: null`.
  expect(await api(emulator())("GET", `/iam/user_groups/${groupId}/members`)).toBeNull();
});

it("treats a deleted group as gone", async () => {
  const { id, outs } = await created(provider, { userGroupId: groupId, memberIds: ids.slice(0, 1) });
  await api(emulator())("DELETE", `/iam/user_groups/${groupId}`);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});

it("fact 37: sets the members of a group created a moment ago, riding out the 404 of its members", async () => {
  const fresh = (await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: `fresh ${Math.random()}` })).id;
  await resetStats(emulator());
  const { outs } = await created(provider, { userGroupId: fresh, memberIds: ids.slice(0, 2) });
  expect(outs.memberIds).toEqual(ids.slice(0, 2).sort());
  const snapshot = await stats(emulator());
  // Retried while the group propagated; its existence checked once, with a GET of the group.
  expect(snapshot.byStatus["404"]).toBeGreaterThan(0);
  expect(snapshot.byRoute["GET /accounts/:account_id/iam/user_groups/:user_group_id"]).toBe(1);
});

it("fact 33: destroys a member set after one of its members left the account", async () => {
  const { id, outs } = await created(provider, { userGroupId: groupId, memberIds: ids.slice(10, 13) });
  await admin(emulator(), "DELETE", `/account_members/${ids[11]}`);
  const read = await provider.read!(id, outs);
  expect(read.props.memberIds).toEqual([ids[10], ids[12]].sort());
  await provider.delete!(id, read.props);
  expect(await api(emulator())("GET", `/iam/user_groups/${groupId}/members`)).toBeNull();
});

it("fact 39: a SCIM-managed group's members are refused, and the refusal explained", async () => {
  await untilMembersVisible(emulator(), groupId);
  await admin(emulator(), "PUT", `/user_groups/${groupId}/scim`, { externalId: "entra-7" });
  await expect(created(provider, { userGroupId: groupId, memberIds: ids.slice(0, 1) })).rejects.toThrow(/managed by SCIM.*identity provider/);
});

it("fact 38: a member list refused for a group whose policies fail validation is explained", async () => {
  const refusal = new ValidationError(400, [{ code: 400, message: "Policy validation failed" }], { method: "GET", path: "/members" });
  expect(await explainMembersError(refusal, async () => [])).toMatch(/cannot list the members of a user group one of whose policies fails validation/);
  const other = new ValidationError(400, [{ code: 1001, message: "something else" }], { method: "GET", path: "/members" });
  expect(await explainMembersError(other, async () => [])).toBeUndefined();
});

describe("fact 81: a pending invite in a group", () => {
  let inviteId: string;
  beforeAll(async () => {
    await untilMembersVisible(emulator(), groupId);
    inviteId = (await api(emulator())<{ id: string }>("POST", "/members", { email: "pending.invite@example.net", policies: [] })).id;
  });
  afterEach(() => admin(emulator(), "PUT", "/pending_group_members", { answer: "accepted" }));

  it("joins the group where Cloudflare takes it (the emulator's default)", async () => {
    const { outs } = await created(provider, { userGroupId: groupId, memberIds: [inviteId] });
    expect(outs.memberIds).toEqual([inviteId]);
  });

  it("where Cloudflare refuses it, the refusal names the person and says the invite stands", async () => {
    await admin(emulator(), "PUT", "/pending_group_members", { answer: "refused" });
    await expect(created(provider, { userGroupId: groupId, memberIds: [ids[0], inviteId] })).rejects.toThrow(
      /"pending\.invite@example\.net" has not accepted the invite yet, and Cloudflare refuses a pending member in a user group \(fact 81/,
    );
  });
});

describe("reading the member list", () => {
  const proxy = useProxiedProvider(emulator);

  it("fact 27: asks 500 a page", async () => {
    const { id, outs } = await created(provider, { userGroupId: groupId, memberIds: ids.slice(0, 3) });
    proxy().reset();
    expect((await provider.read!(id, outs)).props.memberIds).toHaveLength(3);
    expect(requestsTo(proxy(), "GET", /\/members$/).map((r) => r.query.get("per_page"))).toEqual(["500"]);
  });

  it("fact 28: reads an empty group's `result: null` as no members", async () => {
    const { id, outs } = await created(provider, { userGroupId: groupId, memberIds: [] });
    expect(await api(emulator())("GET", `/iam/user_groups/${groupId}/members`)).toBeNull();
    const read = await provider.read!(id, outs);
    expect(read.props).toMatchObject({ memberIds: [], members: [] });
    expect(await diffOf(provider, id, read.props, { userGroupId: groupId, memberIds: [] })).toMatchObject({ changes: false });
  });
});
