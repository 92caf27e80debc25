import { attemptsFor, defaultRetryPolicy, isRetryable, parseRetryAfterMs, retryDelayMs } from "../../../provider/client/retry";

describe("isRetryable", () => {
  it.each([
    [429, false, true],
    [429, true, true],
    [500, true, true],
    [503, true, true],
    [500, false, false],
    [undefined, true, true],
    [undefined, false, false],
    [400, true, false],
    [404, true, false],
  ])("status %p, idempotent %p -> %p", (status, idempotent, expected) => {
    expect(isRetryable(status, idempotent)).toBe(expected);
  });
});

describe("parseRetryAfterMs", () => {
  it("reads seconds and HTTP dates, and ignores junk", () => {
    expect(parseRetryAfterMs("3")).toBe(3000);
    expect(parseRetryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfterMs("soon")).toBeUndefined();
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
  });
});

describe("retryDelayMs", () => {
  it("honours Retry-After exactly", () => {
    expect(retryDelayMs(1, 2500, defaultRetryPolicy, () => 0.9)).toBe(2500);
  });

  it("backs off exponentially with jitter inside [ceiling/2, ceiling], capped", () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelayMs(1, undefined, policy, () => 0)).toBe(50);
    expect(retryDelayMs(1, undefined, policy, () => 1)).toBe(100);
    expect(retryDelayMs(3, undefined, policy, () => 1)).toBe(400);
    expect(retryDelayMs(10, undefined, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(10, undefined, policy, () => 0)).toBe(500);
  });
});

it("gives rate-limit refusals more tries than failures", () => {
  expect(attemptsFor(429, defaultRetryPolicy)).toBe(12);
  expect(attemptsFor(503, defaultRetryPolicy)).toBe(6);
  expect(attemptsFor(undefined, defaultRetryPolicy)).toBe(6);
});

describe("parseRetryAfterMs at the edges", () => {
  it("never waits a negative time, for a negative count or a date already past", () => {
    expect(parseRetryAfterMs("-5")).toBe(0);
    expect(parseRetryAfterMs(new Date(1_000).toUTCString(), 9_000)).toBe(0);
  });

  it("reads an empty header as none, and zero as no wait", () => {
    expect(parseRetryAfterMs("")).toBeUndefined();
    expect(parseRetryAfterMs("0")).toBe(0);
  });
});
