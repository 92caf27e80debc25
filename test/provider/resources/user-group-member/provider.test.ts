import { accountMembers } from "../../../../emulator";
import { providers } from "../../../../provider";
import { useEmulator } from "../../../support/emulator";
import { api, created, useProviderConfig } from "../../../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);
const provider = providers.userGroupMember;

it("adds one member without touching the others, and removes only that member", async () => {
  const call = api(emulator());
  const group = await call<{ id: string }>("POST", "/iam/user_groups", { name: "shared", policies: [] });
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
