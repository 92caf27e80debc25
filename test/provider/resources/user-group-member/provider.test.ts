import { accountMembers } from "../../../../emulator";
import { providers } from "../../../../provider";
import { failure, requestsTo, useProxiedProvider } from "../../../support/api-proxy";
import { admin, useEmulator } from "../../../support/emulator";
import { api, created, untilMembersVisible, useProviderConfig } from "../../../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);
const provider = providers.userGroupMember;

it("adds one member without touching the others, and removes only that member", async () => {
  const call = api(emulator());
  const group = await call<{ id: string }>("POST", "/iam/user_groups", { name: "shared", policies: [] });
  await untilMembersVisible(emulator(), group.id);
  await call("POST", `/iam/user_groups/${group.id}/members`, [{ id: accountMembers[0].id }]);
  const { id, outs } = await created(provider, { userGroupId: group.id, memberId: accountMembers[1].id });
  expect(id).toBe(`${group.id}/${accountMembers[1].id}`);
  expect(outs.email).toBe(accountMembers[1].email);
  expect((await call<unknown[]>("GET", `/iam/user_groups/${group.id}/members`)).length).toBe(2);
  expect((await provider.read!(id, outs)).props).toEqual(outs);
  await provider.delete!(id, outs);
  const left = await call<{ id: string }[]>("GET", `/iam/user_groups/${group.id}/members`);
  expect(left.map((m) => m.id)).toEqual([accountMembers[0].id]);
  expect((await provider.read!(id, outs)).id).toBe("");
});

it("fact 37: adds a member to a group created a moment ago, riding out its members' 404", async () => {
  const group = await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: "just made" });
  const started = Date.now();
  const { outs } = await created(provider, { userGroupId: group.id, memberId: accountMembers[2].id });
  expect(outs.email).toBe(accountMembers[2].email);
  expect(Date.now() - started).toBeLessThan(15_000);
});

it("fact 33: a member who has left the account reads as gone, and deletes as done", async () => {
  const group = await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: "leaver's group" });
  const { id, outs } = await created(provider, { userGroupId: group.id, memberId: accountMembers[3].id });
  await admin(emulator(), "DELETE", `/account_members/${accountMembers[3].id}`);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});

it("facts 26 and 34: a member removed by hand, or a deleted group, reads as gone and deletes as done", async () => {
  const group = await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: "short-lived" });
  const { id, outs } = await created(provider, { userGroupId: group.id, memberId: accountMembers[4].id });
  await api(emulator())("DELETE", `/iam/user_groups/${group.id}/members/${accountMembers[4].id}`);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
  await api(emulator())("DELETE", `/iam/user_groups/${group.id}`);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});

it("fact 31: an add whose answer is lost is sent again, as adding a member twice changes nothing", async () => {
  const group = await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: "lost add" });
  await untilMembersVisible(emulator(), group.id);
  await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
  const { outs } = await created(provider, { userGroupId: group.id, memberId: accountMembers[5].id });
  expect(outs.email).toBe(accountMembers[5].email);
  expect((await api(emulator())<{ id: string }[]>("GET", `/iam/user_groups/${group.id}/members`)).map((m) => m.id)).toEqual([accountMembers[5].id]);
});

describe("what is sent, and answers only the real API gives", () => {
  const proxy = useProxiedProvider(emulator);
  const member = accountMembers[6];
  let groupId: string;

  beforeAll(async () => {
    groupId = (await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: "refusals" })).id;
    await untilMembersVisible(emulator(), groupId);
  });

  it("fact 30: sends a bare array of {id}, and finds its member in the whole list the answer holds", async () => {
    // The answer lists the group by email, and these two sort before the member added.
    await api(emulator())("POST", `/iam/user_groups/${groupId}/members`, [{ id: accountMembers[0].id }, { id: accountMembers[1].id }]);
    const { outs } = await created(provider, { userGroupId: groupId, memberId: member.id });
    expect(requestsTo(proxy(), "POST", /\/members$/).map((r) => r.body)).toEqual([[{ id: member.id }]]);
    expect(outs.email).toBe(member.email);
  });

  it("fact 35: a refusal that shares InvalidMember's code reaches the user as Cloudflare's, never as a member who left", async () => {
    const dsr = failure(400, 400, "Members of this account do not have DSR enabled");
    proxy().script((r) => (/\/members(\/|$)/.test(r.path) && r.method !== "GET" ? dsr : undefined));
    const attempt = created(provider, { userGroupId: groupId, memberId: accountMembers[9].id });
    await expect(attempt).rejects.toThrow(/^UserGroupMember create failed: .*\[400\] Members of this account do not have DSR enabled$/);
    // A delete refused so is not done: the membership is still there.
    const outs = { accountId: proxy().accountId, userGroupId: groupId, memberId: member.id, email: member.email, status: "" };
    await expect(provider.delete!(`${groupId}/${member.id}`, outs)).rejects.toThrow(/do not have DSR enabled/);
  });
});
