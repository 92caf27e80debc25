/** The client's pacer: a burst stays under the rate limit, and a 429 holds every request for its Retry-After. */
import { z } from "zod";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { CLOUDFLARE_RATE_LIMIT, CloudflareClient, Pacer, pacerFor, RateLimitError } from "../../../provider/client";
import { admin, stats } from "../../support/emulator";

it("sends a burst up to the limit at once, then each request a window after an earlier one's answer", async () => {
  let clock = 0;
  const pacer = new Pacer({ limit: 3, windowMs: 1_000 }, () => clock);
  const sleep = async (ms: number) => {
    clock += ms;
  };
  const sentAt: number[] = [];
  // Each request is answered 50 ms after it is sent.
  const send = async () => {
    const answered = await pacer.acquire(sleep);
    sentAt.push(clock);
    clock += 50;
    answered();
  };
  await Promise.all(Array.from({ length: 5 }, send));
  expect(sentAt).toEqual([0, 50, 100, 1_050, 1_100]);
});

it("counts an unanswered request as in the window until its answer", async () => {
  let clock = 0;
  const pacer = new Pacer({ limit: 1, windowMs: 1_000 }, () => clock);
  const sleep = async (ms: number) => {
    clock += ms;
  };
  const first = await pacer.acquire(sleep);
  let secondSentAt: number | undefined;
  const second = pacer.acquire(sleep).then(() => (secondSentAt = clock));
  await new Promise((resolve) => setImmediate(resolve));
  expect(secondSentAt).toBeUndefined();
  clock = 5_000;
  first();
  await second;
  expect(secondSentAt).toBe(6_000);
});

it("after a 429, holds for its Retry-After, then for a window sends one request per window / limit", async () => {
  let clock = 0;
  const pacer = new Pacer({ limit: 10, windowMs: 1_000 }, () => clock);
  const sleep = async (ms: number) => {
    clock += ms;
  };
  pacer.holdFor(500, sleep);
  const sentAt: number[] = [];
  const send = async () => {
    const answered = await pacer.acquire(sleep);
    sentAt.push(clock);
    answered();
  };
  await Promise.all(Array.from({ length: 3 }, send));
  expect(sentAt).toEqual([500, 600, 700]);
  clock = 2_000;
  await Promise.all(Array.from({ length: 3 }, send));
  expect(sentAt.slice(3)).toEqual([2_000, 2_000, 2_000]);
});

describe("against an emulator with a small rate limit", () => {
  let emulator: RunningEmulator;
  afterEach(() => emulator.close());

  const start = async (limit: number, windowMs: number) => {
    emulator = await startEmulator({ rateLimit: { limit, windowMs } });
  };
  const client = (pacer: Pacer) => new CloudflareClient({ baseUrl: emulator.baseUrl, token: emulator.token, pacer });
  const list = (c: CloudflareClient) => c.get(`/accounts/${emulator.accountId}/iam/resource_groups`, z.unknown());

  it("keeps a burst of three times the limit under it: no 429", async () => {
    await start(5, 1_000);
    const paced = client(new Pacer({ limit: 5, windowMs: 1_000 }));
    const started = Date.now();
    await Promise.all(Array.from({ length: 15 }, () => list(paced)));
    const snapshot = await stats(emulator);
    expect([snapshot.total, snapshot.byStatus["429"] ?? 0]).toEqual([15, 0]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it("falls back to Retry-After when the server counted more than it knew, and holds later requests meanwhile", async () => {
    await start(3, 2_000);
    // A pacer that believes the limit is far higher: what another process's traffic looks like to it.
    const unaware = client(new Pacer({ limit: 100, windowMs: 2_000 }));
    const first = Promise.all(Array.from({ length: 4 }, () => list(unaware)));
    while (((await stats(emulator)).byStatus["429"] ?? 0) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const later = list(unaware);
    await Promise.all([first, later]);
    const snapshot = await stats(emulator);
    expect(snapshot.byStatus["429"]).toBe(1);
    expect(snapshot.byStatus["200"]).toBe(5);
  });

  it("waits out a Retry-After as long as Cloudflare's 5-minute window rather than fail", async () => {
    await start(1_000, 1_000);
    await admin(emulator, "PUT", "/faults", { rateLimitRate: 1, retryAfterSeconds: 290 });
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const patient = new CloudflareClient({ baseUrl: emulator.baseUrl, token: emulator.token, pacer: new Pacer(CLOUDFLARE_RATE_LIMIT), sleep });
    await expect(list(patient)).rejects.toBeInstanceOf(RateLimitError);
    expect(waits).toEqual(Array(11).fill(290_000));
  });
});

it("is one pacer per endpoint and token in a process, with Cloudflare's limit", () => {
  const pacer = pacerFor("https://api.cloudflare.com/client/v4", "token a");
  expect(pacerFor("https://api.cloudflare.com/client/v4", "token a")).toBe(pacer);
  expect(pacerFor("https://api.cloudflare.com/client/v4", "token b")).not.toBe(pacer);
  expect(pacerFor("http://127.0.0.1:8787/client/v4", "token a")).not.toBe(pacer);
  expect(pacer.rateLimit).toEqual({ limit: 1200, windowMs: 300_000 });
});
