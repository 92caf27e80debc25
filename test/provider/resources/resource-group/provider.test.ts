import { providers } from "../../../../provider";
import { resourceGroupsApi } from "../../../../provider/resources/resource-group/api";
import { clientFor } from "../../../../provider/runtime";
import { requestsTo, useApiProxy } from "../../../support/api-proxy";
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

describe("fact 9: Cloudflare's predefined system resource groups", () => {
  const systemGroup = async () => {
    const all = await api(emulator())<{ id: string; name: string; meta: { editable: string } }[]>("GET", "/iam/resource_groups");
    return all.find((g) => g.meta.editable === "false")!;
  };

  it("can be read, but never adopted", async () => {
    const system = await systemGroup();
    expect(system.name).toBe(`com.cloudflare.api.account.${emulator().accountId}`);
    const read = await provider.read!(system.id, { accountId: emulator().accountId } as never);
    expect(read.props).toMatchObject({ system: true, scope: { objects: [{ key: "*" }] } });
    await expect(created(provider, { name: "mine now", scope: { objects: [{ key: "*" }] }, adoptId: system.id })).rejects.toThrow(
      /adoption failed: .*predefined system resource groups.*reference its id in policies/,
    );
  });

  it("is never deleted, even if state holds one", async () => {
    const system = await systemGroup();
    const read = await provider.read!(system.id, { accountId: emulator().accountId } as never);
    await provider.delete!(system.id, read.props);
    expect((await provider.read!(system.id, read.props)).id).toBe(system.id);
  });

  it("reserves the com.cloudflare.api. prefix in check", async () => {
    const result = await provider.check!({}, { name: "com.cloudflare.api.account.mine", scope: zones("a") });
    expect(result.failures).toEqual([{ property: "name", reason: expect.stringContaining("reserves it for its system resource groups") }]);
  });
});

describe("the list", () => {
  const proxy = useApiProxy(emulator);

  it("facts 7 and 8: one request lists them all, without page parameters; a name that matches nothing is `result: null`, read as no groups", async () => {
    expect(await api(emulator())("GET", "/iam/resource_groups?name=nothing%20by%20this%20name")).toBeNull();
    const client = clientFor({ baseUrl: proxy().baseUrl, token: proxy().token });
    expect(await resourceGroupsApi.listNamed(client, proxy().accountId, "nothing by this name")).toEqual([]);
    expect((await resourceGroupsApi.list(client, proxy().accountId)).length).toBeGreaterThan(0);
    const lists = requestsTo(proxy(), "GET", /\/iam\/resource_groups$/);
    expect(lists.map((r) => Object.fromEntries(r.query))).toEqual([{ name: "nothing by this name" }, {}]);
  });
});
