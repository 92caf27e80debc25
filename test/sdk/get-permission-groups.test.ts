import { permissionGroups, startEmulator } from "../../emulator";
import { getOAuthScopes, getPermissionGroup, getPermissionGroups } from "../../sdk";
import { resetStats, stats, useEmulator } from "../support/emulator";

const emulator = useEmulator();

beforeAll(() => {
  process.env.CLOUDFLARE_BASE_URL = emulator().baseUrl;
  process.env.CLOUDFLARE_API_TOKEN = emulator().token;
  process.env.CLOUDFLARE_ACCOUNT_ID = emulator().accountId;
});

it("returns every group across all pages, and filters by id, label and name", async () => {
  expect((await getPermissionGroups()).permissionGroups).toHaveLength(permissionGroups.length);
  expect((await getPermissionGroups({ name: "Zone Read" })).permissionGroups.map((g) => g.id)).toEqual(["c8fed203ed3043cba015a93ad1616f1f"]);
  expect((await getPermissionGroups({ label: "dns_write" })).permissionGroups.map((g) => g.name)).toEqual(["DNS Write"]);
  expect((await getPermissionGroups({ id: "82e64a83756745bbbb1c9c2701bf816b" })).permissionGroups).toHaveLength(1);
});

it("looks one group up by name or id", async () => {
  expect(await getPermissionGroup({ name: "Zone Read" })).toMatchObject({ id: "c8fed203ed3043cba015a93ad1616f1f" });
  expect(await getPermissionGroup({ id: "c8fed203ed3043cba015a93ad1616f1f" })).toMatchObject({ name: "Zone Read" });
});

it("fails clearly on zero matches, with similar names", async () => {
  await expect(getPermissionGroup({ name: "DNS Writer" })).rejects.toThrow(/no permission group has name "DNS Writer"; similar names: "DNS Read", "DNS Write"/);
  await expect(getPermissionGroup({})).rejects.toThrow(/needs a name or an id/);
});

it("reads the permission groups once per run, however many lookups, even concurrent ones from a cold start", async () => {
  // Its own emulator: an endpoint no lookup has used yet, so the cache starts cold.
  const cold = await startEmulator({ rateLimit: false });
  process.env.CLOUDFLARE_BASE_URL = cold.baseUrl;
  try {
    const names = ["Zone Read", "DNS Write", "Billing Read", "Logs Read"];
    const found = await Promise.all([...names, ...names].map((name) => getPermissionGroup({ name })));
    expect(found.map((g) => g.name)).toEqual([...names, ...names]);
    // 100 groups at 50 a page, with no result_info: two full pages and the empty one that ends the list.
    expect((await stats(cold)).byRoute).toEqual({ "GET /accounts/:account_id/iam/permission_groups": 3 });
    await resetStats(cold);
    await getPermissionGroups({ label: "dns_write" });
    expect((await stats(cold)).total).toBe(0);
  } finally {
    process.env.CLOUDFLARE_BASE_URL = emulator().baseUrl;
    await cold.close();
  }
});

it("lists the OAuth scopes", async () => {
  const { scopes } = await getOAuthScopes();
  expect(scopes.map((s) => s.id)).toEqual(expect.arrayContaining(["zone.read", "user-details.read", "teams.read"]));
});
