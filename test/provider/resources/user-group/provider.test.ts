import { providers } from "../../../../provider";
import { policiesToSend } from "../../../../provider/resources/user-group/schema";
import { admin, resetStats, stats, useEmulator, writeCount } from "../../../support/emulator";
import { api, created, diffOf, updated, useProviderConfig } from "../../../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);
const provider = providers.userGroup;
const [zoneRead, dnsWrite, magic] = ["c8fed203ed3043cba015a93ad1616f1f", "1a634cc70d087bac844635b4c98eb35b", "82e64a83756745bbbb1c9c2701bf816b"];
let rgA: string;
let rgB: string;

beforeAll(async () => {
  const call = api(emulator());
  const scope = { key: "com.cloudflare.api.account.x", objects: [{ key: "com.cloudflare.api.account.zone.z" }] };
  rgA = (await call<{ id: string }>("POST", "/iam/resource_groups", { name: "A", scope })).id;
  rgB = (await call<{ id: string }>("POST", "/iam/resource_groups", { name: "B", scope })).id;
});

const group = (name: string, policies: object[]) => ({ name, policies });

it("creates a group whose outputs carry policy ids and timestamps", async () => {
  const { id, outs } = await created(provider, group("create", [{ access: "allow", permissionGroups: [zoneRead], resourceGroups: [rgA] }]));
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  expect(outs.policies).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), access: "allow", permissionGroups: [zoneRead], resourceGroups: [rgA] }]);
  expect(outs.createdOn).toBeTruthy();
  expect(outs.modifiedOn).toBeTruthy();
});

it("sees no change when only the order of policies or ids differs", async () => {
  const policies = [
    { access: "allow", permissionGroups: [zoneRead, magic], resourceGroups: [rgA, rgB] },
    { access: "deny", permissionGroups: [dnsWrite], resourceGroups: [rgB] },
  ];
  const { id, outs } = await created(provider, group("order", policies));
  const reordered = [
    { access: "deny", permissionGroups: [dnsWrite], resourceGroups: [rgB] },
    { access: "allow", permissionGroups: [magic, zoneRead], resourceGroups: [rgB, rgA] },
  ];
  expect(await diffOf(provider, id, outs, group("order", reordered))).toMatchObject({ changes: false, replaces: [] });
  const read = await provider.read!(id, outs);
  expect(await diffOf(provider, id, read.props, group("order", reordered))).toMatchObject({ changes: false });
});

it("keeps the ids of unchanged policies across an update", async () => {
  const keep = { access: "allow", permissionGroups: [zoneRead], resourceGroups: [rgA] };
  const { id, outs } = await created(provider, group("ids", [keep]));
  const keptId = outs.policies[0].id;
  const next = await updated(provider, id, outs, group("ids renamed", [keep, { access: "deny", permissionGroups: [magic], resourceGroups: [rgB] }]));
  expect(next.name).toBe("ids renamed");
  expect(next.policies).toHaveLength(2);
  expect(next.policies.find((p: { access: string }) => p.access === "allow").id).toBe(keptId);
});

it("reads an out-of-band change, and reports the refreshed inputs", async () => {
  const { id, outs } = await created(provider, group("drift", [{ access: "allow", permissionGroups: [zoneRead], resourceGroups: [rgA] }]));
  await api(emulator())("PUT", `/iam/user_groups/${id}`, {
    name: "drift (edited in the dashboard)",
    policies: [
      { access: "allow", permission_groups: [{ id: zoneRead }], resource_groups: [{ id: rgA }] },
      { access: "deny", permission_groups: [{ id: magic }], resource_groups: [{ id: rgA }] },
    ],
  });
  const read = await provider.read!(id, outs);
  expect(read.id).toBe(id);
  expect(read.props.name).toBe("drift (edited in the dashboard)");
  expect(read.props.policies).toHaveLength(2);
  expect(read.inputs).toMatchObject({ name: "drift (edited in the dashboard)" });
  expect(Object.keys(read.props).sort()).toEqual(Object.keys(outs).sort());
  const diff = await diffOf(provider, id, read.props, group("drift", [{ access: "allow", permissionGroups: [zoneRead], resourceGroups: [rgA] }]));
  expect(diff).toMatchObject({ changes: true, replaces: [] });
});

it("reads an out-of-band delete as an empty id, and deletes idempotently", async () => {
  const { id, outs } = await created(provider, group("gone", []));
  await api(emulator())("DELETE", `/iam/user_groups/${id}`);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});

it("replaces on an accountId change", async () => {
  const { id, outs } = await created(provider, group("account", []));
  const diff = await provider.diff!(id, outs, { ...outs, accountId: "f".repeat(32) });
  expect(diff.replaces).toEqual(["accountId"]);
});

it("adopts an existing group without creating another", async () => {
  const existing = await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: "made by hand", policies: [] });
  await resetStats(emulator());
  const { id, outs } = await created(provider, {
    ...group("made by hand", [{ access: "allow", permissionGroups: [zoneRead], resourceGroups: [rgA] }]),
    adoptId: existing.id,
  });
  expect(id).toBe(existing.id);
  expect(outs.policies).toHaveLength(1);
  const snapshot = await stats(emulator());
  expect(snapshot.byRoute["POST /accounts/:account_id/iam/user_groups"]).toBeUndefined();
  expect(snapshot.byRoute["PUT /accounts/:account_id/iam/user_groups/:user_group_id"]).toBe(1);
});

it("makes no duplicate when a create's answer is lost", async () => {
  await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
  const result = await created(provider, group("lost answer", []));
  const groups = await api(emulator())<{ id: string; name: string }[]>("GET", "/iam/user_groups?name=lost%20answer");
  expect(groups).toHaveLength(1);
  expect(result.id).toBe(groups[0].id);
});

it("looks before retrying a create answered 5xx, and makes exactly one group", async () => {
  await admin(emulator(), "PUT", "/faults", { failNextRequests: 1 });
  const result = await created(provider, group("answered 500", []));
  const groups = await api(emulator())<{ id: string }[]>("GET", "/iam/user_groups?name=answered%20500");
  expect(groups.map((g) => g.id)).toEqual([result.id]);
});

it("sends existing policy ids only for policies that did not change", () => {
  const old = [
    { id: "p1", access: "allow" as const, permissionGroups: [zoneRead], resourceGroups: [rgA] },
    { id: "p2", access: "deny" as const, permissionGroups: [magic], resourceGroups: [rgA] },
  ];
  const sent = policiesToSend(
    [
      { access: "deny", permissionGroups: [magic], resourceGroups: [rgA] },
      { access: "deny", permissionGroups: [dnsWrite], resourceGroups: [rgA] },
    ],
    old,
  );
  expect(sent.map((p) => ("id" in p ? p.id : undefined))).toEqual(["p2", undefined]);
});

it("sends no write while checking and diffing", async () => {
  await resetStats(emulator());
  const { id, outs } = { id: "0".repeat(32), outs: { accountId: emulator().accountId, name: "x", policies: [], createdOn: "", modifiedOn: "" } };
  await diffOf(provider, id, outs, group("y", []));
  expect(writeCount(await stats(emulator()))).toBe(0);
});
