import { permissionGroups } from "../../emulator";
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

it("reads the permission groups once per run, however many lookups", async () => {
  await resetStats(emulator());
  await Promise.all(["Zone Read", "DNS Write", "Billing Read"].map((name) => getPermissionGroup({ name })));
  expect((await stats(emulator())).total).toBe(0); // already cached by the tests above
});

it("lists the OAuth scopes", async () => {
  const { scopes } = await getOAuthScopes();
  expect(scopes.map((s) => s.id)).toEqual(expect.arrayContaining(["zone.read", "user-details.read", "teams.read"]));
});
