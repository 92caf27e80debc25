import { accountMembers } from "../../../../emulator";
import { providers } from "../../../../provider";
import { resetStats, stats, useEmulator } from "../../../support/emulator";
import { api, created, diffOf, updated, useProviderConfig } from "../../../support/provider";

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
  expect((await stats(emulator())).byMethod.GET).toBe(2);
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
  expect(await api(emulator())("GET", `/iam/user_groups/${groupId}/members`)).toEqual([]);
});

it("treats a deleted group as gone", async () => {
  const { id, outs } = await created(provider, { userGroupId: groupId, memberIds: ids.slice(0, 1) });
  await api(emulator())("DELETE", `/iam/user_groups/${groupId}`);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});
