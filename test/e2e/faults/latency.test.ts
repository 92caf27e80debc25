/** Reliability: every request delayed by 200 ms to 2 s; meanwhile no process's arguments may hold the token. */
import { readdirSync, readFileSync } from "node:fs";
import { useEmulator } from "../../support/emulator";
import { expectConsistent, faultLifecycle } from "../../support/faults";

jest.setTimeout(600_000);
const emulator = useEmulator();

it("loses, duplicates and leaks nothing, no pulumi run fails, and no process is given the token", async () => {
  const seen: string[] = [];
  const report = await faultLifecycle(emulator(), {
    order: 3,
    scenario: "latency of 200 ms to 2 s on every request",
    happened: "every request delayed by 200 ms to 2 s",
    faults: { latencyMs: [200, 2000] },
    // Samples every process's command line while the first up runs.
    duringFirstUp: async (upRunning) => {
      for (let i = 0; i < 20 && upRunning(); i++) {
        for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
          try {
            const args = readFileSync(`/proc/${pid}/cmdline`, "utf8");
            if (args.includes("pulumi")) seen.push(args);
          } catch {
            // the process ended between listing and reading
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return { faults: 0, happened: "every request delayed by 200 ms to 2 s" };
    },
  });
  expectConsistent(report);
  expect(report.faultsInjected).toBeGreaterThan(0);
  expect(report.firstTryFailures).toBe(0);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((args) => args.includes(emulator().token))).toEqual([]);
});
