/** Reliability: 429 with Retry-After on a fifth of requests. A 429 is refused before it runs, so it is always waited out. */
import { useEmulator } from "../../support/emulator";
import { expectConsistent, faultLifecycle } from "../../support/faults";

jest.setTimeout(600_000);
const emulator = useEmulator();

it("loses, duplicates and leaks nothing, and no pulumi run fails", async () => {
  const report = await faultLifecycle(emulator(), {
    order: 1,
    scenario: "429 with Retry-After on 20% of requests",
    happened: "a random 20% of requests refused with 429 and Retry-After: 1",
    faults: { rateLimitRate: 0.2, retryAfterSeconds: 1 },
  });
  expectConsistent(report);
  expect(report.faultsInjected).toBeGreaterThan(0);
  expect(report.firstTryFailures).toBe(0);
});
