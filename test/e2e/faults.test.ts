/**
 * Reliability under faults, with the real CLI: the full lifecycle (up, drift, refresh, up,
 * destroy) of a 50-object stack while the emulator misbehaves. After each run, a clean refresh
 * and a comparison of the account with the state must show no duplicate, no orphan, nothing
 * in state that does not exist, and, after destroy, an empty account.
 */
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accountMembers, FaultConfig, RunningEmulator } from "../../emulator";
import { admin, madeObjectIds, useEmulator } from "../support/emulator";
import { PROJECT_ROOT, PulumiRun, PulumiWorkspace } from "../support/pulumi";

const { driftTenPercent } = require("../../bench/program/drift");

jest.setTimeout(900_000);

const N = 50;
const program = join(PROJECT_ROOT, "bench/program");
const emulator = useEmulator();
const noFaults: Partial<FaultConfig> = { rateLimitRate: 0, serverErrorRate: 0, latencyMs: [0, 0], dropAfterWriteRate: 0 };

interface Endpoint {
  baseUrl: string;
  adminUrl: string;
  accountId: string;
  token: string;
}

interface Report {
  scenario: string;
  operations: number;
  failedOperations: number;
  faultsInjected: number;
  duplicates: number;
  orphans: number;
  missing: number;
  leaks: number;
}
const reports: Report[] = [];

afterAll(() => {
  console.log(
    ["| scenario | pulumi operations | failed, then retried | faults injected | duplicates | orphans | in state, missing | token leaks |", "|---|---|---|---|---|---|---|---|"]
      .concat(reports.map((r) => `| ${r.scenario} | ${r.operations} | ${r.failedOperations} | ${r.faultsInjected} | ${r.duplicates} | ${r.orphans} | ${r.missing} | ${r.leaks} |`))
      .join("\n"),
  );
});

/** Duplicates by natural key, orphans (in the account, not in state) and missing (in state only). */
async function compare(endpoint: Endpoint, stack: PulumiWorkspace) {
  const account = await admin<any>(endpoint, "GET", "/state");
  const made = new Set(madeObjectIds(account));
  const keyed: [string, string][] = [
    ...Object.values<any>(account.resourceGroups).filter((g) => made.has(g.id)).map((g): [string, string] => [g.id, `rg:${g.name}`]),
    ...Object.values<any>(account.userGroups).map((g): [string, string] => [g.id, `ug:${g.name}`]),
    ...Object.values<any>(account.ssoConnectors).map((c): [string, string] => [c.id, `sso:${c.email_domain}`]),
    ...Object.values<any>(account.oauthClients).map((c): [string, string] => [c.client_id, `oauth:${c.client_name}`]),
  ];
  const keys = keyed.map(([, key]) => key);
  const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
  const exported = JSON.parse(await stack.ok(["stack", "export", "--stack", stack.stack]));
  const stateIds = new Set<string>(
    exported.deployment.resources.filter((r: { type: string }) => r.type.includes("cloudflare-iam")).map((r: { id: string }) => r.id),
  );
  const accountIds = new Set(keyed.map(([id]) => id));
  return {
    duplicates,
    orphans: [...accountIds].filter((id) => !stateIds.has(id)),
    missing: [...stateIds].filter((id) => !accountIds.has(id)),
    exported: JSON.stringify(exported),
  };
}

/** Runs one lifecycle under `faults`; failed pulumi runs are retried (at most twice) and kept. */
async function lifecycle(scenario: string, endpoint: Endpoint, faults: Partial<FaultConfig>, duringFirstUp?: () => Promise<void>): Promise<Report> {
  const stack = new PulumiWorkspace(program, `faults-${scenario.replace(/\W+/g, "-")}`);
  await stack.initFor(endpoint, { n: String(N), memberIds: JSON.stringify(accountMembers.map((m) => m.id)) });
  const outputs: string[] = [];
  const failures: PulumiRun[] = [];
  let operations = 0;
  const withFaults = async (args: string[], during?: () => Promise<void>) => {
    await admin<any>(endpoint, "PUT", "/faults", faults);
    try {
      for (let attempt = 1; attempt <= 3; attempt++) {
        operations++;
        const [result] = await Promise.all([stack.run([...args, "--stack", stack.stack]), attempt === 1 && during ? during() : undefined]);
        outputs.push(result.stdout, result.stderr);
        if (result.code === 0) return;
        failures.push(result);
      }
      throw new Error(`${args[0]} failed three times under ${scenario}:\n${failures.map((f) => f.stdout + f.stderr).join("\n")}`);
    } finally {
      await admin<any>(endpoint, "PUT", "/faults", noFaults);
    }
  };
  const faultsBefore = (await admin<any>(endpoint, "GET", "/stats")).injected;

  await withFaults(["up", "--yes", "--skip-preview"], duringFirstUp);
  await driftTenPercent(endpoint, JSON.parse(await stack.ok(["stack", "export", "--stack", stack.stack])), N);
  await withFaults(["refresh", "--yes", "--skip-preview"]);
  await withFaults(["up", "--yes", "--skip-preview"]);

  await stack.ok(["refresh", "--yes", "--skip-preview", "--stack", stack.stack]);
  const consistency = await compare(endpoint, stack);
  await withFaults(["destroy", "--yes", "--skip-preview"]);
  const leftovers = madeObjectIds(await admin<any>(endpoint, "GET", "/state")).length;

  const faultsAfter = (await admin<any>(endpoint, "GET", "/stats")).injected;
  const texts = [...outputs, consistency.exported, ...stack.backendTexts()];
  const leaks = texts.filter((text) => text.includes(endpoint.token)).length;
  await stack.ok(["stack", "rm", "--yes", stack.stack]);

  // A failed run names the resource, and Cloudflare's code and message when there was an answer.
  for (const failure of failures) {
    const text = failure.stdout + failure.stderr;
    expect(text).toMatch(/cloudflare-iam:\w+ [\w-]+/);
    if (text.includes("failed with HTTP")) expect(text).toMatch(/failed with HTTP \d{3}: \[\d+\] \S/);
  }
  const report: Report = {
    scenario,
    operations,
    failedOperations: failures.length,
    // (A restarted emulator counts from zero again: never report less than nothing.)
    faultsInjected: Math.max(0, ["rateLimited", "serverErrors", "dropped", "delayed"].reduce((sum, k) => sum + faultsAfter[k] - faultsBefore[k], 0)),
    duplicates: consistency.duplicates.length,
    orphans: consistency.orphans.length + leftovers,
    missing: consistency.missing.length,
    leaks,
  };
  reports.push(report);
  expect(consistency).toMatchObject({ duplicates: [], orphans: [], missing: [] });
  expect(leftovers).toBe(0);
  expect(leaks).toBe(0);
  return report;
}

const asEndpoint = (e: RunningEmulator): Endpoint => e;

it("random 429 with Retry-After on 20% of requests", async () => {
  const report = await lifecycle("429 on 20%", asEndpoint(emulator()), { rateLimitRate: 0.2, retryAfterSeconds: 1 });
  expect(report.faultsInjected).toBeGreaterThan(0);
  expect(report.failedOperations).toBe(0); // 429s are retried after Retry-After, never shown
});

it("random 500 or 503 on 10% of requests", async () => {
  const report = await lifecycle("500/503 on 10%", asEndpoint(emulator()), { serverErrorRate: 0.1 });
  expect(report.faultsInjected).toBeGreaterThan(0);
});

it("added latency of 200 ms to 2 s, with no token in any process's arguments", async () => {
  const seen: string[] = [];
  const watchArguments = async () => {
    // Sample every process's command line while the first up runs.
    for (let i = 0; i < 20; i++) {
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
  };
  const report = await lifecycle("latency 200 ms to 2 s", asEndpoint(emulator()), { latencyMs: [200, 2000] }, watchArguments);
  expect(report.faultsInjected).toBeGreaterThan(0);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((args) => args.includes(emulator().token))).toEqual([]);
});

it("writes applied, then the connection dropped, on 10% of writes", async () => {
  const report = await lifecycle("write applied, answer dropped on 10%", asEndpoint(emulator()), { dropAfterWriteRate: 0.1 });
  expect(report.faultsInjected).toBeGreaterThan(0);
});

describe("the emulator killed and restarted mid-up", () => {
  let child: ChildProcess | undefined;
  const stateDir = mkdtempSync(join(tmpdir(), "killed-emulator-"));

  async function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
  }

  async function startProcess(port: number): Promise<void> {
    child = spawn(process.execPath, [join(PROJECT_ROOT, "dist/emulator/cli.js"), "--port", String(port), "--state", join(stateDir, "account.json"), "--latency", "50-150"]);
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
      child!.once("exit", (code) => reject(new Error(`emulator exited ${code}`)));
    });
  }

  afterAll(() => child?.kill("SIGKILL"));

  it("loses nothing: the up recovers or a second up completes, with no duplicate or orphan", async () => {
    const port = await freePort();
    await startProcess(port);
    const endpoint: Endpoint = {
      baseUrl: `http://127.0.0.1:${port}/client/v4`,
      adminUrl: `http://127.0.0.1:${port}/__emulator`,
      accountId: "023e105f4ecef8ad9ca31a8372d0c353",
      token: "local-emulator-token",
    };
    const killAfterSomeWrites = async () => {
      for (;;) {
        const snapshot = await admin<any>(endpoint, "GET", "/stats").catch(() => undefined);
        const writes = snapshot ? ["POST", "PUT"].reduce((sum, m) => sum + (snapshot.byMethod[m] ?? 0), 0) : 0;
        if (writes >= 15) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child!.kill("SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await startProcess(port);
    };
    const report = await lifecycle("emulator killed and restarted mid-up", endpoint, {}, killAfterSomeWrites);
    report.faultsInjected = 1; // the kill (its small added latency only makes the kill land mid-up)
  });
});
