/** Reliability: 500 or 503 on a tenth of requests, answered before they run. */
import { useEmulator } from "../../support/emulator";
import { expectConsistent, faultLifecycle } from "../../support/faults";

jest.setTimeout(600_000);
const emulator = useEmulator();

it("loses, duplicates and leaks nothing, and no pulumi run fails", async () => {
  const report = await faultLifecycle(emulator(), {
    order: 2,
    scenario: "500 or 503 on 10% of requests",
    happened: "a random 10% of requests answered 500 or 503",
    faults: { serverErrorRate: 0.1 },
  });
  expectConsistent(report);
  expect(report.faultsInjected).toBeGreaterThan(0);
  expect(report.firstTryFailures).toBe(0);
});
