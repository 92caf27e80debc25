/**
 * Reliability: the emulator killed (SIGKILL) in the middle of the first up, after its 15th write,
 * and restarted on its state file half a second later.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { admin, madeObjectIds } from "../../support/emulator";
import { type Endpoint, expectConsistent, faultLifecycle } from "../../support/faults";
import { PROJECT_ROOT } from "../../support/pulumi";

jest.setTimeout(600_000);

const KILL_AFTER_WRITES = 15;
const DEADLINE_MS = 120_000;
const stateDir = mkdtempSync(join(tmpdir(), "killed-emulator-"));
let child: ChildProcess | undefined;
afterAll(() => child?.kill("SIGKILL"));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startProcess(port: number): Promise<void> {
  child = spawn(process.execPath, [join(PROJECT_ROOT, "dist/emulator/cli.js"), "--port", String(port), "--state", join(stateDir, "account.json")]);
  await new Promise<void>((resolve, reject) => {
    child!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child!.once("exit", (code) => reject(new Error(`emulator exited ${code}`)));
  });
}

const writesOf = (stats: { byMethod: Record<string, number> }) => ["POST", "PUT", "PATCH", "DELETE"].reduce((sum, m) => sum + (stats.byMethod[m] ?? 0), 0);

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting ${DEADLINE_MS / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it("loses nothing: the up rides out the restart, with objects made before the kill and after it", async () => {
  const port = await freePort();
  await startProcess(port);
  const endpoint: Endpoint = {
    baseUrl: `http://127.0.0.1:${port}/client/v4`,
    adminUrl: `http://127.0.0.1:${port}/__emulator`,
    accountId: "023e105f4ecef8ad9ca31a8372d0c353",
    token: "local-emulator-token",
  };
  const objects = async () => madeObjectIds(await admin(endpoint, "GET", "/state")).length;
  const seen = { writesAtKill: 0, upRunningAtKill: false, beforeKill: 0, afterUp: 0 };
  const report = await faultLifecycle(endpoint, {
    order: 5,
    scenario: "emulator killed mid-up and restarted",
    happened: "",
    faults: {},
    duringFirstUp: async (upRunning) => {
      await until(async () => {
        if (!upRunning()) throw new Error(`the up ended before its ${KILL_AFTER_WRITES}th write: nothing was killed mid-up`);
        return writesOf(await admin(endpoint, "GET", "/stats")) >= KILL_AFTER_WRITES;
      }, `the ${KILL_AFTER_WRITES}th write`);
      seen.writesAtKill = writesOf(await admin(endpoint, "GET", "/stats"));
      seen.beforeKill = await objects();
      seen.upRunningAtKill = upRunning();
      child!.kill("SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await startProcess(port);
      await until(async () => !upRunning(), "the up to finish after the restart");
      seen.afterUp = await objects();
      return {
        faults: 1,
        happened: `SIGKILL after ${seen.writesAtKill} writes of the first up, restart 0.5 s later: ${seen.beforeKill} objects made before the kill, ${seen.afterUp - seen.beforeKill} after`,
      };
    },
  });
  expectConsistent(report);
  expect(seen.upRunningAtKill).toBe(true);
  expect(seen.writesAtKill).toBeGreaterThanOrEqual(KILL_AFTER_WRITES);
  expect(seen.beforeKill).toBeGreaterThan(0);
  expect(seen.afterUp).toBeGreaterThan(seen.beforeKill);
  expect(report.faultsInjected).toBe(1);
  expect(report.firstTryFailures).toBe(0);
});
