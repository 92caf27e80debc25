/** The API client against the emulator over real HTTP, with injected faults. */
import { z } from "zod";
import {
  AuthenticationError,
  CloudflareClient,
  ConnectionError,
  listAllPages,
  PAGE_SIZE,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../../../provider/client";
import { permissionGroups } from "../../../emulator";
import { admin, resetStats, stats, useEmulator } from "../../support/emulator";

const emulator = useEmulator();
const delays: number[] = [];

function client(token = emulator().token): CloudflareClient {
  return new CloudflareClient({
    baseUrl: emulator().baseUrl,
    token,
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
}

const groupPath = () => `/accounts/${emulator().accountId}/iam/permission_groups`;
const permissionGroup = z.object({ id: z.string(), name: z.string() });
/** The error a call fails with; a call that succeeds fails the test. */
const caught = (call: Promise<unknown>): Promise<any> =>
  call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
const noFaults = { rateLimitRate: 0, serverErrorRate: 0, dropAfterWriteRate: 0, latencyMs: [0, 0] };

beforeEach(async () => {
  delays.length = 0;
  await admin(emulator(), "PUT", "/faults", noFaults);
  await resetStats(emulator());
});

it("unwraps the envelope and tolerates fields it does not know", async () => {
  const group = await client().get(`${groupPath()}/c8fed203ed3043cba015a93ad1616f1f`, permissionGroup);
  expect(group).toEqual({ id: "c8fed203ed3043cba015a93ad1616f1f", name: "Zone Read" });
});

it("pages to the end with the largest page size, without result_info (facts 1 and 4)", async () => {
  const all = await listAllPages(client(), groupPath(), permissionGroup, PAGE_SIZE.permissionGroups);
  expect(all).toHaveLength(permissionGroups.length);
  // With no result_info, only a short (or empty) page shows the end.
  expect((await stats(emulator())).total).toBe(Math.floor(permissionGroups.length / 50) + 1);
});

it("maps statuses to typed errors carrying Cloudflare's codes, and never the token", async () => {
  const secretToken = "do-not-leak-this-token";
  const notFound = await caught(client().get(`${groupPath()}/${"0".repeat(32)}`, permissionGroup));
  expect(notFound).toBeInstanceOf(NotFoundError);
  expect(notFound.status).toBe(404);
  expect(notFound.errors[0].code).toBe(404);

  const auth = await caught(client(secretToken).get(groupPath(), z.unknown()));
  expect(auth).toBeInstanceOf(AuthenticationError);
  // Where the token came from is the caller's to say: the client knows no Pulumi config.
  expect(auth.message).not.toMatch(/cloudflare-iam:apiToken|CLOUDFLARE_API_TOKEN/);
  expect(auth.message).toContain("[10000]");
  expect(JSON.stringify({ ...auth, message: auth.message, stack: auth.stack })).not.toContain(secretToken);

  const invalid = await caught(
    client().post(`/accounts/${emulator().accountId}/iam/resource_groups`, { name: "x", scope: { key: "k", objects: [] } }, z.unknown()),
  )
  expect(invalid).toBeInstanceOf(ValidationError);
  expect(invalid.message).toContain("[1013] scope.objects");
});

it("retries 429 for every method, waiting exactly Retry-After", async () => {
  await admin(emulator(), "PUT", "/faults", { rateLimitRate: 1, retryAfterSeconds: 2 });
  const attempt = client().post(`/accounts/${emulator().accountId}/iam/user_groups`, { name: "g", policies: [] }, z.unknown());
  await expect(attempt).rejects.toBeInstanceOf(RateLimitError);
  expect(delays).toEqual(Array(11).fill(2000));
  expect((await stats(emulator())).byMethod.POST).toBe(12);
});

it("retries 5xx for idempotent requests only", async () => {
  await admin(emulator(), "PUT", "/faults", { serverErrorRate: 1 });
  await expect(client().get(groupPath(), z.unknown())).rejects.toBeInstanceOf(ServerError);
  expect((await stats(emulator())).byMethod.GET).toBe(6);
  await resetStats(emulator());
  await expect(
    client().post(`/accounts/${emulator().accountId}/iam/user_groups`, { name: "g", policies: [] }, z.unknown()),
  ).rejects.toBeInstanceOf(ServerError);
  expect((await stats(emulator())).byMethod.POST).toBe(1);
});

it("recovers when only some requests fail", async () => {
  let draws = 0;
  // Deterministic: the emulator refuses the first two GETs, then answers.
  await admin(emulator(), "PUT", "/faults", { serverErrorRate: 1 });
  const flaky = new CloudflareClient({
    baseUrl: emulator().baseUrl,
    token: emulator().token,
    sleep: async () => {
      if (++draws === 2) await admin(emulator(), "PUT", "/faults", { serverErrorRate: 0 });
    },
  });
  const all = await flaky.get(groupPath(), z.array(permissionGroup));
  expect(all.length).toBeGreaterThan(0);
  expect((await stats(emulator())).byMethod.GET).toBe(3);
});

it("reports a dropped POST as possibly applied, without retrying it", async () => {
  await admin(emulator(), "PUT", "/faults", { dropAfterWriteRate: 1 });
  const error = await caught(
    client().post(`/accounts/${emulator().accountId}/iam/user_groups`, { name: "dropped", policies: [] }, z.unknown()),
  )
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error.mayHaveApplied).toBe(true);
  expect((await stats(emulator())).byMethod.POST).toBe(1);
  const state = await admin<{ userGroups: Record<string, { name: string }> }>(emulator(), "GET", "/state");
  expect(Object.values(state.userGroups).map((g) => g.name)).toContain("dropped");
});
