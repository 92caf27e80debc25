/** The API client against the emulator over real HTTP, with injected faults. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { permissionGroups } from "../../../emulator";
import {
  AuthenticationError,
  CloudflareApiError,
  CloudflareClient,
  ConnectionError,
  listAllPages,
  NotFoundError,
  PAGE_SIZE,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../../../provider/client";
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

  const invalid = await caught(client().post(`/accounts/${emulator().accountId}/iam/resource_groups`, { name: "x", scope: { key: "k", objects: [] } }, z.unknown()));
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
  await expect(client().post(`/accounts/${emulator().accountId}/iam/user_groups`, { name: "g", policies: [] }, z.unknown())).rejects.toBeInstanceOf(ServerError);
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
  const error = await caught(client().post(`/accounts/${emulator().accountId}/iam/user_groups`, { name: "dropped", policies: [] }, z.unknown()));
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error.mayHaveApplied).toBe(true);
  expect((await stats(emulator())).byMethod.POST).toBe(1);
  const state = await admin<{ userGroups: Record<string, { name: string }> }>(emulator(), "GET", "/state");
  expect(Object.values(state.userGroups).map((g) => g.name)).toContain("dropped");
});

describe("what the client sends and how it reads each answer (a scripted server)", () => {
  interface Seen {
    method: string;
    url: string;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }
  type Answer = { status: number; body?: unknown; headers?: Record<string, string>; hang?: boolean };
  const seen: Seen[] = [];
  let answers: Answer[] = [];
  let baseUrl = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const answer = answers.shift() ?? { status: 200, body: { success: true, result: null } };
      if (answer.hang) return;
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
    });
  });
  const ok = (result: unknown) => ({ status: 200, body: { success: true, errors: [], result } });
  const scripted = (options: Partial<ConstructorParameters<typeof CloudflareClient>[0]> = {}) =>
    new CloudflareClient({ baseUrl, token: "scripted-token", sleep: async (ms) => void delays.push(ms), ...options });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
    answers = [];
  });

  it("sends the bearer token and its name, under the base URL however its slashes fall", async () => {
    answers = [ok({ id: "g" }), ok(null)];
    const client = scripted({ baseUrl: `${baseUrl}///` });
    expect(await client.get("//accounts/a/iam/user_groups/g", z.object({ id: z.string() }))).toEqual({ id: "g" });
    await client.get("accounts/a", z.unknown());
    expect(seen.map((s) => s.url)).toEqual(["/client/v4/accounts/a/iam/user_groups/g", "/client/v4/accounts/a"]);
    expect(seen[0].method).toBe("GET");
    expect(seen[0].headers).toMatchObject({ authorization: "Bearer scripted-token", "user-agent": "pulumi-cloudflare-iam" });
  });

  it("leaves unset and empty query values out, and sends the others as text", async () => {
    answers = [ok([]), ok([])];
    const client = scripted();
    await client.get("/x", z.unknown(), { name: undefined, label: "", page: 2, system: false });
    await client.get("/y", z.unknown(), { name: undefined, label: "" });
    expect(seen.map((s) => s.url)).toEqual(["/client/v4/x?page=2&system=false", "/client/v4/y"]);
  });

  it("sends the body as JSON with every method that has one", async () => {
    answers = [ok(null), ok(null), ok(null)];
    const client = scripted();
    await client.post("/a", { name: "n" }, z.unknown());
    await client.put("/b", [{ id: "m" }], z.unknown());
    await client.patch("/c", { enabled: true }, z.unknown());
    await client.delete("/d", z.unknown());
    expect(seen.map((s) => [s.method, s.body])).toEqual([
      ["POST", '{"name":"n"}'],
      ["PUT", '[{"id":"m"}]'],
      ["PATCH", '{"enabled":true}'],
      ["DELETE", ""],
    ]);
  });

  it("reads a bare JSON answer (SCIM) without an envelope, and its failures as typed errors", async () => {
    answers = [
      { status: 200, body: { Resources: [{ id: "s" }] } },
      { status: 400, body: { detail: "no" } },
    ];
    const client = scripted();
    const bare = (path: string) => client.request({ method: "GET", path, schema: z.object({ Resources: z.array(z.object({ id: z.string() })) }), bare: true });
    expect(await bare("/scim/v2/Groups")).toEqual({ result: { Resources: [{ id: "s" }] } });
    await expect(bare("/scim/v2/Groups")).rejects.toBeInstanceOf(ValidationError);
  });

  it("takes a 2xx whose envelope says success: false for a failure, with its codes", async () => {
    answers = [{ status: 200, body: { success: false, errors: [{ code: 1001, message: "refused" }], result: null } }];
    const error = await caught(scripted().get("/x", z.unknown()));
    expect(error).toBeInstanceOf(CloudflareApiError);
    expect([error.status, error.message]).toEqual([200, "Cloudflare API GET /x failed with HTTP 200: [1001] refused"]);
  });

  it("takes a 4xx for a failure even when its body claims success", async () => {
    answers = [{ status: 400, body: { success: true, errors: [{ code: 1001, message: "refused" }], result: null } }];
    await expect(scripted().get("/x", z.unknown())).rejects.toBeInstanceOf(ValidationError);
  });

  it("names the request when a result has a shape it cannot read", async () => {
    answers = [ok({ id: 7 })];
    await expect(scripted().get("/g", z.object({ id: z.string() }))).rejects.toThrow("GET /g: unexpected result shape at id: Expected string, received number");
  });

  it("reads a body that is not JSON as a failure without details", async () => {
    answers = [{ status: 502, body: "<html>Bad gateway</html>" }];
    const error = await caught(scripted({ retry: { maxAttempts: 1 } }).get("/x", z.unknown()));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("Cloudflare API GET /x failed with HTTP 502: no error details in the response");
  });

  it("backs off between retries of 5xx with the injected jitter, doubling from the base delay", async () => {
    answers = Array(5).fill({ status: 503, body: {} });
    await expect(scripted({ random: () => 0 }).get("/x", z.unknown())).resolves.toBeNull();
    expect(delays).toEqual([125, 250, 500, 1000, 2000]);
  });

  it("waits out a Retry-After up to the longest it honours, and fails at once on a longer one", async () => {
    const limited = { status: 429, body: { success: false, errors: [{ code: 971, message: "Please wait" }] } };
    answers = [{ ...limited, headers: { "retry-after": "2" } }, ok("done")];
    const client = scripted({ retry: { maxRetryAfterMs: 2000 } });
    expect(await client.get("/x", z.string())).toBe("done");
    expect(delays).toEqual([2000]);
    answers = [{ ...limited, headers: { "retry-after": "3" } }, ok("done")];
    await expect(client.get("/x", z.string())).rejects.toBeInstanceOf(RateLimitError);
    expect(delays).toEqual([2000]);
  });

  it("times out a request that gets no answer, retries it when idempotent, and says it was not applied", async () => {
    answers = [
      { status: 200, hang: true },
      { status: 200, hang: true },
    ];
    const error = await caught(scripted({ timeoutMs: 200, retry: { maxAttempts: 2 } }).get("/x", z.unknown()));
    expect(error).toBeInstanceOf(ConnectionError);
    expect([error.name, error.message]).toEqual(["ConnectionError", "Cloudflare API GET /x got no answer: ETIMEDOUT"]);
    expect(error.mayHaveApplied).toBe(false);
    expect(seen).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it("never retries a POST on a 5xx unless it is marked idempotent", async () => {
    answers = [{ status: 500, body: {} }];
    await expect(scripted().request({ method: "POST", path: "/user_groups", body: {}, schema: z.unknown() })).rejects.toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(1);
  });

  it("waits for real between retries when no sleep is injected", async () => {
    answers = [{ status: 429, body: {}, headers: { "retry-after": "1" } }, ok("done")];
    const started = Date.now();
    expect(await new CloudflareClient({ baseUrl, token: "t" }).get("/x", z.string())).toBe("done");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("retries a POST marked idempotent like any idempotent request", async () => {
    answers = [{ status: 500, body: {} }, ok([{ id: "m" }])];
    expect(await scripted().post("/members", [{ id: "m" }], z.array(z.object({ id: z.string() })), true)).toEqual([{ id: "m" }]);
    expect(seen.map((s) => s.method)).toEqual(["POST", "POST"]);
  });
});
