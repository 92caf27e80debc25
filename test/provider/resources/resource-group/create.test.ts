/**
 * fact 9: resource-group creates at the minimum (one list per provider process and account, one
 * POST per group) with lost answers still recovered. Each test starts its own emulator, so it
 * begins as a fresh provider process does: no list of the account taken yet.
 */
import { type RunningEmulator, startEmulator } from "../../../../emulator";
import { configure, providers } from "../../../../provider";
import { SNAPSHOT_MAX_AGE_MS } from "../../../../provider/resources/resource-group/create";
import { admin, stats } from "../../../support/emulator";
import { api, created } from "../../../support/provider";

const provider = providers.resourceGroup;
const zones = (...ids: string[]) => ({ objects: ids.map((id) => ({ key: `com.cloudflare.api.account.zone.${id}` })) });
const LIST = "GET /accounts/:account_id/iam/resource_groups";
const CREATE = "POST /accounts/:account_id/iam/resource_groups";

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulator({ rateLimit: false });
  const values: Record<string, string> = {
    "cloudflare-iam:apiToken": emulator.token,
    "cloudflare-iam:baseUrl": emulator.baseUrl,
    "cloudflare-iam:accountId": emulator.accountId,
  };
  configure({ get: (key) => values[key] });
});

afterEach(async () => {
  jest.restoreAllMocks();
  await emulator.close();
});

/** A group made directly in the account, as the dashboard or another stack would. */
const byHand = (name: string, zone: string) =>
  api(emulator)<{ id: string }>("POST", "/iam/resource_groups", {
    name,
    scope: { key: `com.cloudflare.api.account.${emulator.accountId}`, objects: [{ key: `com.cloudflare.api.account.zone.${zone}` }] },
  });

const namedInAccount = async (name: string) =>
  (await api(emulator)<{ id: string; name: string }[]>("GET", "/iam/resource_groups"))
    .filter((g) => g.name === name)
    .map((g) => g.id)
    .sort();

it("N creates in one process cost one list and N POSTs", async () => {
  const made = await Promise.all(Array.from({ length: 12 }, (_, i) => created(provider, { name: `zones ${i % 4}`, scope: zones(`z${i}`) })));
  expect(new Set(made.map((m) => m.id)).size).toBe(12);
  const { byRoute, total } = await stats(emulator);
  expect([byRoute[LIST], byRoute[CREATE], total]).toEqual([1, 12, 13]);
});

it("lists again only once the last list is a minute old", async () => {
  await created(provider, { name: "early", scope: zones("a") });
  const now = Date.now();
  jest.spyOn(Date, "now").mockReturnValue(now + SNAPSHOT_MAX_AGE_MS - 1_000);
  await created(provider, { name: "within the minute", scope: zones("b") });
  expect((await stats(emulator)).byRoute[LIST]).toBe(1);
  jest.spyOn(Date, "now").mockReturnValue(now + SNAPSHOT_MAX_AGE_MS + 1_000);
  await created(provider, { name: "after it", scope: zones("c") });
  expect((await stats(emulator)).byRoute[LIST]).toBe(2);
});

it("facts 9 and 11: a lost create recovers its own group, never an identical one that existed before", async () => {
  const older = await byHand("twin", "twin");
  await admin(emulator, "PUT", "/faults", { dropNextWrites: 1 });
  const { id } = await created(provider, { name: "twin", scope: zones("twin") });
  expect(id).not.toBe(older.id);
  expect(await namedInAccount("twin")).toEqual([older.id, id].sort());
});

it("a lost create never takes the identical group this process created for another resource", async () => {
  const first = await created(provider, { name: "pair", scope: zones("pair") });
  await admin(emulator, "PUT", "/faults", { dropNextWrites: 1 });
  const second = await created(provider, { name: "pair", scope: zones("pair") });
  expect(second.id).not.toBe(first.id);
  expect(await namedInAccount("pair")).toEqual([first.id, second.id].sort());
});

it("identical creates at once, their answers lost, each recover their own group", async () => {
  await created(provider, { name: "warm-up", scope: zones("w") });
  await admin(emulator, "PUT", "/faults", { dropNextWrites: 2 });
  const made = await Promise.all([0, 1, 2].map(() => created(provider, { name: "triplet", scope: zones("t") })));
  const ids = made.map((m) => m.id).sort();
  expect(new Set(ids).size).toBe(3);
  expect(await namedInAccount("triplet")).toEqual(ids);
});

it("an identical group someone else made since the list is never silently taken when the create also landed", async () => {
  await created(provider, { name: "warm-up", scope: zones("w") });
  const stranger = await byHand("contested", "c");
  await admin(emulator, "PUT", "/faults", { dropNextWrites: 1 });
  const failure = created(provider, { name: "contested", scope: zones("c") });
  await expect(failure).rejects.toThrow(new RegExp(`got no answer, and 2 new objects now match it \\(.*${stranger.id}.*\\)`));
});
