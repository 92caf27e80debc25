import { providers } from "../../../../provider";
import { userGroupsApi } from "../../../../provider/resources/user-group/api";
import { policiesToSend } from "../../../../provider/resources/user-group/schema";
import { clientFor } from "../../../../provider/runtime";
import { failure, requestsTo, success, useProxiedProvider } from "../../../support/api-proxy";
import { admin, resetStats, stats, useEmulator, writeCount } from "../../../support/emulator";
import { api, checked, created, diffOf, updated, useProviderConfig } from "../../../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);
const provider = providers.userGroup;
const [zoneRead, dnsWrite, magic] = ["c8fed203ed3043cba015a93ad1616f1f", "1a634cc70d087bac844635b4c98eb35b", "82e64a83756745bbbb1c9c2701bf816b"];
let rgA: string;
let rgB: string;
let groupNumber = 0;
/** Names are unique in an account (fact 19): every test gets its own. */
const uniqueName = (name: string) => `${name} #${++groupNumber}`;

beforeAll(async () => {
  const call = api(emulator());
  const scope = { key: "com.cloudflare.api.account.x", objects: [{ key: "com.cloudflare.api.account.zone.z" }] };
  rgA = (await call<{ id: string }>("POST", "/iam/resource_groups", { name: "A", scope })).id;
  rgB = (await call<{ id: string }>("POST", "/iam/resource_groups", { name: "B", scope })).id;
});

const group = (name: string, policies: object[]) => ({ name, policies });
const allow = (permissionGroups: string[], resourceGroups: string[]) => ({ access: "allow", permissionGroups, resourceGroups });

it("creates a group whose outputs carry policy ids and timestamps", async () => {
  const { id, outs } = await created(provider, group(uniqueName("create"), [allow([zoneRead], [rgA])]));
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  expect(outs.policies).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), access: "allow", permissionGroups: [zoneRead], resourceGroups: [rgA], scopes: [] }]);
  expect(outs.createdOn).toBeTruthy();
  expect(outs.modifiedOn).toBeTruthy();
});

it("fact 18: creates a group with no policies", async () => {
  const { outs } = await created(provider, { name: uniqueName("empty") });
  expect(outs.policies).toEqual([]);
});

it("sees no change when only the order of policies or ids differs", async () => {
  const name = uniqueName("order");
  const policies = [allow([zoneRead, magic], [rgA, rgB]), allow([dnsWrite], [rgB])];
  const { id, outs } = await created(provider, group(name, policies));
  const reordered = [allow([dnsWrite], [rgB]), allow([magic, zoneRead], [rgB, rgA])];
  expect(await diffOf(provider, id, outs, group(name, reordered))).toMatchObject({ changes: false, replaces: [] });
  const read = await provider.read!(id, outs);
  expect(await diffOf(provider, id, read.props, group(name, reordered))).toMatchObject({ changes: false });
});

it("fact 22: sends policies without ids; their new ids after every change are never a diff", async () => {
  const name = uniqueName("ids");
  const keep = allow([zoneRead], [rgA]);
  const { id, outs } = await created(provider, group(name, [keep]));
  const wanted = group(name, [keep, allow([magic], [rgB])]);
  const next = await updated(provider, id, outs, wanted);
  expect(next.policies).toHaveLength(2);
  expect(next.policies.map((p: { id: string }) => p.id)).not.toContain(outs.policies[0].id);
  expect(await diffOf(provider, id, next, wanted)).toMatchObject({ changes: false });
  expect(policiesToSend((await checked(provider, wanted)).policies).every((p) => !("id" in p))).toBe(true);
});

it("fact 22: a rename with unchanged policies sends the name alone, and keeps the policies", async () => {
  const name = uniqueName("rename");
  const { id, outs } = await created(provider, group(name, [allow([zoneRead], [rgA])]));
  await resetStats(emulator());
  const next = await updated(provider, id, outs, group(`${name} renamed`, [allow([zoneRead], [rgA])]));
  expect(next.name).toBe(`${name} renamed`);
  expect(next.policies).toEqual(outs.policies);
  expect(writeCount(await stats(emulator()))).toBe(1);
});

it("fact 23: an empty policy list clears every policy", async () => {
  const name = uniqueName("clear");
  const { id, outs } = await created(provider, group(name, [allow([zoneRead], [rgA])]));
  await resetStats(emulator());
  expect((await updated(provider, id, outs, group(name, []))).policies).toEqual([]);
  // One PUT of `policies: []` does it: nothing needs putting back.
  expect(writeCount(await stats(emulator()))).toBe(1);
  expect((await provider.read!(id, outs)).props.policies).toEqual([]);
});

it("fact 19: a name already in use fails with the existing group's id to adopt", async () => {
  const name = uniqueName("taken");
  const existing = await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name });
  await expect(created(provider, group(name, []))).rejects.toThrow(new RegExp(`^UserGroup create failed: .*HTTP 400: \\[400\\] .*already in use.*set adoptId: "${existing.id}"`));
});

it("fact 21: a deny policy is accepted by check, and Cloudflare's refusal is explained", async () => {
  const attempt = created(provider, group(uniqueName("deny"), [{ access: "deny", permissionGroups: [magic], resourceGroups: [rgA] }]));
  await expect(attempt).rejects.toThrow(/Policy validation failed.*Cloudflare currently refuses deny policies/);
});

it("fact 24: reads a policy edited in the dashboard with an inline scope, and shows it as drift", async () => {
  const name = uniqueName("inline");
  const { id, outs } = await created(provider, group(name, [allow([zoneRead], [rgA])]));
  const scope = { key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: "*" }] };
  await api(emulator())("PUT", `/iam/user_groups/${id}`, {
    policies: [{ access: "allow", permission_groups: [{ id: zoneRead }], resource_groups: [{ scope }] }],
  });
  const read = await provider.read!(id, outs);
  expect(read.props.policies).toEqual([{ id: expect.any(String), access: "allow", permissionGroups: [zoneRead], resourceGroups: [], scopes: [scope] }]);
  expect(await diffOf(provider, id, read.props, group(name, [allow([zoneRead], [rgA])]))).toMatchObject({ changes: true });
  expect(await diffOf(provider, id, read.props, group(name, [{ access: "allow", permissionGroups: [zoneRead], scopes: [{ objects: [{ key: "*" }] }] }]))).toMatchObject({
    changes: false,
  });
});

it("fact 24: takes an inline scope as an input, with the account as its default key", async () => {
  const name = uniqueName("inline input");
  const policy = { access: "allow", permissionGroups: [zoneRead], scopes: [{ objects: [{ key: "com.cloudflare.api.account.zone.q" }] }] };
  const { id, outs } = await created(provider, group(name, [policy]));
  expect(outs.policies[0].scopes).toEqual([{ key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: "com.cloudflare.api.account.zone.q" }] }]);
  expect(await diffOf(provider, id, (await provider.read!(id, outs)).props, group(name, [policy]))).toMatchObject({ changes: false });
});

it("reads an out-of-band change, and reports the refreshed inputs", async () => {
  const name = uniqueName("drift");
  const { id, outs } = await created(provider, group(name, [allow([zoneRead], [rgA])]));
  await api(emulator())("PUT", `/iam/user_groups/${id}`, {
    name: `${name} (edited in the dashboard)`,
    policies: [
      { access: "allow", permission_groups: [{ id: zoneRead }], resource_groups: [{ id: rgA }] },
      { access: "allow", permission_groups: [{ id: magic }], resource_groups: [{ id: rgA }] },
    ],
  });
  const read = await provider.read!(id, outs);
  expect(read.id).toBe(id);
  expect(read.props.name).toBe(`${name} (edited in the dashboard)`);
  expect(read.props.policies).toHaveLength(2);
  expect(read.inputs).toMatchObject({ name: `${name} (edited in the dashboard)` });
  expect(Object.keys(read.props).sort()).toEqual(Object.keys(outs).sort());
  expect(await diffOf(provider, id, read.props, group(name, [allow([zoneRead], [rgA])]))).toMatchObject({ changes: true, replaces: [] });
});

it("fact 25: reads an out-of-band delete as an empty id, and deletes idempotently", async () => {
  const { id, outs } = await created(provider, group(uniqueName("gone"), []));
  await api(emulator())("DELETE", `/iam/user_groups/${id}`);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});

it("replaces on an accountId change", async () => {
  const { id, outs } = await created(provider, group(uniqueName("account"), []));
  const diff = await provider.diff!(id, outs, { ...outs, accountId: "f".repeat(32) });
  expect(diff.replaces).toEqual(["accountId"]);
});

it("adopts an existing group without creating another", async () => {
  const name = uniqueName("made by hand");
  const existing = await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name, policies: [] });
  await resetStats(emulator());
  const { id, outs } = await created(provider, { ...group(name, [allow([zoneRead], [rgA])]), adoptId: existing.id });
  expect(id).toBe(existing.id);
  expect(outs.policies).toHaveLength(1);
  const snapshot = await stats(emulator());
  expect(snapshot.byRoute["POST /accounts/:account_id/iam/user_groups"]).toBeUndefined();
  expect(snapshot.byRoute["PUT /accounts/:account_id/iam/user_groups/:user_group_id"]).toBe(1);
});

it("makes no duplicate when a create's answer is lost", async () => {
  const name = uniqueName("lost answer");
  await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
  const result = await created(provider, group(name, []));
  const groups = await api(emulator())<{ id: string; name: string }[]>("GET", `/iam/user_groups?name=${encodeURIComponent(name)}`);
  expect(groups.map((g) => g.id)).toEqual([result.id]);
});

it("looks before retrying a create answered 5xx, and makes exactly one group", async () => {
  const name = uniqueName("answered 500");
  await admin(emulator(), "PUT", "/faults", { failNextRequests: 1 });
  const result = await created(provider, group(name, []));
  const groups = await api(emulator())<{ id: string }[]>("GET", `/iam/user_groups?name=${encodeURIComponent(name)}`);
  expect(groups.map((g) => g.id)).toEqual([result.id]);
});

it("fact 39: a SCIM-managed group's rename is refused, and the refusal explained", async () => {
  const name = uniqueName("from the IdP");
  const { id, outs } = await created(provider, group(name, []));
  await admin(emulator(), "PUT", `/user_groups/${id}/scim`, { externalId: "okta-123" });
  await expect(updated(provider, id, outs, group(`${name} renamed`, []))).rejects.toThrow(/managed by SCIM.*Change them in the identity provider/);
  // Policies are still ours to set.
  expect((await updated(provider, id, outs, group(name, [allow([zoneRead], [rgA])]))).policies).toHaveLength(1);
  await expect(provider.delete!(id, outs)).rejects.toThrow(/UserGroup delete of [0-9a-f]{32} failed: .*SCIM.*retainOnDelete/);
});

it("fact 15: lists user groups 500 a page", async () => {
  for (let i = 0; i < 120; i++) await api(emulator())("POST", "/iam/user_groups", { name: uniqueName("many") });
  await resetStats(emulator());
  const all = await userGroupsApi.list(clientFor({ baseUrl: emulator().baseUrl, token: emulator().token }), emulator().accountId);
  expect(all.length).toBeGreaterThan(120);
  expect((await stats(emulator())).byMethod.GET).toBe(1);
});

it("sends no write while checking and diffing", async () => {
  await resetStats(emulator());
  const { id, outs } = { id: "0".repeat(32), outs: { accountId: emulator().accountId, name: "x", policies: [], createdOn: "", modifiedOn: "" } };
  await diffOf(provider, id, outs, group("y", []));
  expect(writeCount(await stats(emulator()))).toBe(0);
});

describe("fact 19: a create whose answer is lost, recovered by the name, which is unique", () => {
  const proxy = useProxiedProvider(emulator);
  const listsNamed = (name: string) => (r: { method: string; path: string; query: URLSearchParams }) =>
    r.method === "GET" && /\/iam\/user_groups$/.test(r.path) && r.query.get("name") === name;

  it("takes the group its unanswered try made, once a retry is told the name is already in use", async () => {
    const name = uniqueName("landed");
    await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
    // The first look finds nothing yet (the list lags the create), so the create is tried again.
    let looks = 0;
    proxy().script((r) => (listsNamed(name)(r) && ++looks === 1 ? success([]) : undefined));
    const { id } = await created(provider, group(name, []));
    expect(requestsTo(proxy(), "POST", /\/iam\/user_groups$/)).toHaveLength(2);
    const groups = await api(emulator())<{ id: string }[]>("GET", `/iam/user_groups?name=${encodeURIComponent(name)}`);
    expect(groups.map((g) => g.id)).toEqual([id]);
  });

  it("never takes a group of that name made before the create began", async () => {
    const name = uniqueName("older");
    const older = { id: `${"0".repeat(31)}1`, name, created_on: "2020-01-01T00:00:00Z", modified_on: "2020-01-01T00:00:00Z" };
    let posts = 0;
    proxy().script((r) => {
      if (listsNamed(name)(r)) return success([older]);
      if (r.method !== "POST" || !/\/iam\/user_groups$/.test(r.path)) return undefined;
      return ++posts === 1 ? failure(500, 10000, "Internal server error") : failure(400, 400, `User group name ${name} is already in use`);
    });
    await expect(created(provider, group(name, []))).rejects.toThrow(/Cloudflare now says it exists, but no new object matches it exactly/);
  });
});
