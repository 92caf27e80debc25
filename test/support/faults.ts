/**
 * The fault suite's harness: the whole lifecycle (up, a dashboard edit of 10% of the objects,
 * refresh, up, destroy) of the 50-object bench stack with the real CLI while the emulator
 * misbehaves, counting what happened. Each scenario's report goes to .test-output/reliability/;
 * after a run that passes, `npm test` gathers them in docs/reliability.json and scripts/tables.js
 * renders them into the table docs/reliability.md shows.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { accountMembers, type FaultConfig } from "../../emulator";
import { admin, madeObjectIds } from "./emulator";
import { PROJECT_ROOT, type PulumiRun, PulumiWorkspace, refreshChanges } from "./pulumi";

const { driftTenPercent } = require("../../bench/program/drift");
const { RUN_OUTPUT_DIR } = require("../../scripts/tables");

export const N = 50;
const program = join(PROJECT_ROOT, "bench/program");
const calm: Partial<FaultConfig> = { rateLimitRate: 0, serverErrorRate: 0, latencyMs: [0, 0], dropAfterWriteRate: 0, dropNextWrites: 0, failNextRequests: 0 };

export interface Endpoint {
  baseUrl: string;
  adminUrl: string;
  accountId: string;
  token: string;
}

export interface Scenario {
  /** Its place in the table. */
  order: number;
  scenario: string;
  /** What the faults were, in a few words, for the table. */
  happened: string;
  /** Set on the emulator before each pulumi operation, and cleared after it. */
  faults: Partial<FaultConfig>;
  /** Runs beside the first `up` (the emulator kill); returns how many faults it caused and what happened. */
  duringFirstUp?: (upRunning: () => boolean) => Promise<{ faults: number; happened: string }>;
}

export interface Report {
  order: number;
  scenario: string;
  happened: string;
  operations: number;
  firstTryFailures: number;
  retries: number;
  faultsInjected: number;
  recoveredWrites: number;
  duplicates: number;
  orphans: number;
  missing: number;
  leaks: number;
}

interface Injected {
  rateLimited: number;
  serverErrors: number;
  dropped: number;
  delayed: number;
}

/** Duplicates by natural key, orphans (in the account, not in state) and missing (in state only). */
async function compare(endpoint: Endpoint, stack: PulumiWorkspace) {
  const account = await admin<any>(endpoint, "GET", "/state");
  const made = new Set(madeObjectIds(account));
  const keyed: [string, string][] = [
    ...Object.values<any>(account.resourceGroups)
      .filter((g) => made.has(g.id))
      .map((g): [string, string] => [g.id, `rg:${g.name}`]),
    ...Object.values<any>(account.userGroups).map((g): [string, string] => [g.id, `ug:${g.name}`]),
    ...Object.values<any>(account.ssoConnectors).map((c): [string, string] => [c.id, `sso:${c.email_domain}`]),
    ...Object.values<any>(account.oauthClients).map((c): [string, string] => [c.client_id, `oauth:${c.client_name}`]),
  ];
  const keys = keyed.map(([, key]) => key);
  const exported = JSON.parse(await stack.ok(["stack", "export", "--stack", stack.stack]));
  const stateIds = new Set<string>(exported.deployment.resources.filter((r: { type: string }) => r.type.includes("cloudflare-iam")).map((r: { id: string }) => r.id));
  const accountIds = new Set(keyed.map(([id]) => id));
  return {
    duplicates: keys.filter((key, i) => keys.indexOf(key) !== i),
    orphans: [...accountIds].filter((id) => !stateIds.has(id)),
    missing: [...stateIds].filter((id) => !accountIds.has(id)),
    exported: JSON.stringify(exported),
  };
}

const injectedTotal = (i: Injected) => i.rateLimited + i.serverErrors + i.dropped + i.delayed;

/**
 * Runs the lifecycle under `scenario`. A pulumi operation that fails is tried again (at most
 * twice), so that the consistency checks still run; every failure is counted, never hidden.
 */
export async function faultLifecycle(endpoint: Endpoint, scenario: Scenario): Promise<Report> {
  const stack = new PulumiWorkspace(program, `faults-${scenario.scenario.replace(/\W+/g, "-")}`);
  await stack.initFor(endpoint, { n: String(N), memberIds: JSON.stringify(accountMembers.map((m) => m.id)) });
  const outputs: string[] = [];
  const failures: PulumiRun[] = [];
  let operations = 0;
  let firstTryFailures = 0;
  let retries = 0;
  let during: { faults: number; happened: string } | undefined;
  // A restarted emulator counts from zero: injected faults are summed per operation.
  const injected: Injected = { rateLimited: 0, serverErrors: 0, dropped: 0, delayed: 0 };

  const withFaults = async (args: string[], beside?: Scenario["duringFirstUp"]): Promise<string> => {
    operations++;
    for (let attempt = 1; ; attempt++) {
      await admin(endpoint, "PUT", "/faults", scenario.faults);
      const before = await admin<{ total: number; injected: Injected }>(endpoint, "GET", "/stats");
      let running = true;
      const operation = stack.run([...args, "--stack", stack.stack]).finally(() => (running = false));
      const [result, side] = await Promise.all([operation, attempt === 1 && beside ? beside(() => running) : undefined]);
      if (side) during = side;
      const after = await admin<{ total: number; injected: Injected }>(endpoint, "GET", "/stats");
      // An emulator restarted during the operation counted from zero again.
      const restarted = after.total < before.total;
      for (const kind of Object.keys(injected) as (keyof Injected)[]) injected[kind] += after.injected[kind] - (restarted ? 0 : before.injected[kind]);
      await admin(endpoint, "PUT", "/faults", calm);
      outputs.push(result.stdout, result.stderr);
      if (result.code === 0) return result.stdout;
      failures.push(result);
      if (attempt === 1) firstTryFailures++;
      if (attempt === 3) throw new Error(`${args[0]} failed three times under ${scenario.scenario}:\n${failures.map((f) => f.stdout + f.stderr).join("\n")}`);
      retries++;
    }
  };

  await withFaults(["up", "--yes", "--skip-preview"], scenario.duringFirstUp);
  const edited: string[] = await driftTenPercent(endpoint, JSON.parse(await stack.ok(["stack", "export", "--stack", stack.stack])), N);
  // The drift leg proves something only if refresh sees exactly the edits made.
  const seen = refreshChanges(await withFaults(["refresh", "--yes", "--skip-preview", "--diff"]));
  expect(seen.map((c) => c.name).sort()).toEqual([...edited].sort());
  await withFaults(["up", "--yes", "--skip-preview"]);

  expect(refreshChanges(await stack.ok(["refresh", "--yes", "--skip-preview", "--diff", "--stack", stack.stack]))).toEqual([]);
  const consistency = await compare(endpoint, stack);
  await withFaults(["destroy", "--yes", "--skip-preview"]);
  const leftovers = madeObjectIds(await admin(endpoint, "GET", "/state")).length;

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
    order: scenario.order,
    scenario: scenario.scenario,
    happened: during?.happened ?? scenario.happened,
    operations,
    firstTryFailures,
    retries,
    faultsInjected: injectedTotal(injected) + (during?.faults ?? 0),
    recoveredWrites: injected.dropped,
    duplicates: consistency.duplicates.length,
    orphans: consistency.orphans.length + leftovers,
    missing: consistency.missing.length,
    leaks,
  };
  mkdirSync(RUN_OUTPUT_DIR, { recursive: true });
  writeFileSync(join(RUN_OUTPUT_DIR, `${scenario.order}-${scenario.scenario.replace(/\W+/g, "-")}.json`), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** What every scenario must show: nothing duplicated, orphaned, missing or leaked. */
export function expectConsistent(report: Report): void {
  expect({ duplicates: report.duplicates, orphans: report.orphans, missing: report.missing, leaks: report.leaks }).toEqual({
    duplicates: 0,
    orphans: 0,
    missing: 0,
    leaks: 0,
  });
}
