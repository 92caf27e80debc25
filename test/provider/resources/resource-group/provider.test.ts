import { providers } from "../../../../provider";
import { admin, useEmulator } from "../../../support/emulator";
import { api, created, diffOf, updated, useProviderConfig } from "../../../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);
const provider = providers.resourceGroup;
const zones = (...ids: string[]) => ({ objects: ids.map((id) => ({ key: `com.cloudflare.api.account.zone.${id}` })) });

it("defaults the scope key to the account, and compares scope objects as a set", async () => {
  const { id, outs } = await created(provider, { name: "zones", scope: zones("a", "b") });
  expect(outs.scope.key).toBe(`com.cloudflare.api.account.${emulator().accountId}`);
  expect(await diffOf(provider, id, outs, { name: "zones", scope: zones("b", "a") })).toMatchObject({ changes: false });
  expect(await diffOf(provider, id, outs, { name: "zones", scope: zones("a") })).toMatchObject({ changes: true, replaces: [] });
});

it("updates name and scope in place with PUT", async () => {
  const { id, outs } = await created(provider, { name: "before", scope: zones("a") });
  const next = await updated(provider, id, outs, { name: "after", scope: zones("c") });
  expect(next).toMatchObject({ name: "after", scope: { objects: [{ key: "com.cloudflare.api.account.zone.c" }] } });
  expect((await provider.read!(id, next)).props).toEqual(next);
});

it("reads drift and deletion", async () => {
  const { id, outs } = await created(provider, { name: "drifting", scope: zones("a") });
  await api(emulator())("PUT", `/iam/resource_groups/${id}`, { name: "renamed by hand" });
  expect((await provider.read!(id, outs)).props.name).toBe("renamed by hand");
  await api(emulator())("DELETE", `/iam/resource_groups/${id}`);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});

it("adopts an existing group, and refuses an adoptId that does not exist", async () => {
  const existing = await api(emulator())<{ id: string }>("POST", "/iam/resource_groups", {
    name: "by hand",
    scope: { key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: "com.cloudflare.api.account.zone.h" }] },
  });
  const { id, outs } = await created(provider, { name: "by hand", scope: zones("h"), adoptId: existing.id });
  expect(id).toBe(existing.id);
  expect(outs.name).toBe("by hand");
  const state = await admin<{ resourceGroups: object }>(emulator(), "GET", "/state");
  expect(Object.values(state.resourceGroups).filter((g: any) => g.name === "by hand")).toHaveLength(1);
  await expect(created(provider, { name: "x", scope: zones("h"), adoptId: "9".repeat(32) })).rejects.toThrow(/does not exist/);
});
