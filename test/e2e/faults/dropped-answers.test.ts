/**
 * Reliability: writes applied, then their connection dropped unanswered. The first five writes of
 * every operation lose their answer, so the count is exact: the create, the repairing update and
 * the destroy each write more than five times.
 */
import { useEmulator } from "../../support/emulator";
import { expectConsistent, faultLifecycle } from "../../support/faults";

jest.setTimeout(600_000);
const emulator = useEmulator();
const DROPPED_PER_OPERATION = 5;

it("recovers every lost answer itself: no duplicate, no failed pulumi run", async () => {
  const report = await faultLifecycle(emulator(), {
    order: 4,
    scenario: "write applied, then its answer dropped",
    happened: `the first ${DROPPED_PER_OPERATION} writes of every operation applied, then their answers dropped`,
    faults: { dropNextWrites: DROPPED_PER_OPERATION },
  });
  expectConsistent(report);
  // Three operations write (up, the repairing up, destroy); refresh writes nothing.
  expect(report.recoveredWrites).toBe(3 * DROPPED_PER_OPERATION);
  expect(report.faultsInjected).toBe(3 * DROPPED_PER_OPERATION);
  expect(report.firstTryFailures).toBe(0);
});
