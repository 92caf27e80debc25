#!/usr/bin/env node
// `npm run bench`: API calls and wall time of every lifecycle phase, for stacks of 10, 100 and
// 300 objects, measured with the real CLI against the emulator with Cloudflare's rate limit on.
// `--large` adds 1000 objects: the lifecycle once without the limit, and once with every phase
// in one window of it, back to back. Prints a table and writes bench/results.json (keeping the
// sizes this run did not measure). A script, not a test: it asserts nothing.
"use strict";
const { execFile } = require("node:child_process");
const { existsSync, mkdtempSync, readFileSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { promisify } = require("node:util");
const { startEmulator, accountMembers } = require("../dist/emulator");
const { driftTenPercent } = require("./program/drift");
const { measurePropagation } = require("./propagation");
const { measureProviderOverhead } = require("./provider-overhead");
const { benchTable, renderDocs } = require("../scripts/tables");

const LARGE = 1000;
const large = process.argv.includes("--large");
const sizes = (process.env.BENCH_SIZES ?? "10,100,300").split(",").filter(Boolean).map(Number);
const RESULTS = join(__dirname, "results.json");
/** Cloudflare's real limit. */
const CLOUDFLARE_LIMIT = { limit: 1200, window_seconds: 300 };
const MEMBERS_ROUTES = /^\w+ \/accounts\/:account_id\/iam\/user_groups\/:user_group_id\/members(\/:member_id)? 404$/;
const LIST_ROUTES = ["GET /accounts/:account_id/iam/permission_groups", "GET /accounts/:account_id/iam/resource_groups"];
const program = join(__dirname, "program");
const run = promisify(execFile);

/** Error diagnostics in a pulumi run's output: what the user would see fail. */
const errorLines = (text) => (text.match(/^\s*error:/gm) ?? []).length;

function pulumiRunner(backendDir, stack, extraEnv) {
  const env = { ...process.env, PULUMI_BACKEND_URL: `file://${backendDir}`, ...extraEnv };
  const runner = async (...args) => {
    try {
      const { stdout, stderr } = await run("pulumi", [...args, "--stack", stack, "--non-interactive"], { cwd: program, env, maxBuffer: 256 << 20 });
      runner.errors += errorLines(stdout) + errorLines(stderr);
      return stdout;
    } catch (error) {
      throw new Error(`pulumi ${args.join(" ")} failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    }
  };
  runner.errors = 0;
  return runner;
}

async function adminCall(emulator, method, path, body) {
  const response = await fetch(`${emulator.adminUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

/**
 * Every phase of a stack of n objects. `limit`: "per phase" (Cloudflare's limit, a fresh window
 * per phase: phases are runs hours apart in practice), "one window" (the limit once, every phase
 * back to back in it: a CI job running them in a row) or "off".
 */
async function benchSize(n, limit, extraEnv = {}) {
  const emulator = await startEmulator({ port: 0 });
  const backendDir = mkdtempSync(join(tmpdir(), "bench-backend-"));
  const stack = `bench-${n}`;
  const pulumi = pulumiRunner(backendDir, stack, extraEnv);
  const results = [];
  try {
    await pulumi("stack", "init");
    const config = {
      n: String(n),
      memberIds: JSON.stringify(accountMembers.map((m) => m.id)),
      "cloudflare-iam:baseUrl": emulator.baseUrl,
      "cloudflare-iam:accountId": emulator.accountId,
    };
    for (const [key, value] of Object.entries(config)) await pulumi("config", "set", key, value);
    await pulumi("config", "set", "--secret", "cloudflare-iam:apiToken", emulator.token);

    const phases = [
      { phase: "up (create)", minimum: n, run: () => pulumi("up", "--yes", "--skip-preview") },
      { phase: "preview (no-op)", minimum: 0, run: () => pulumi("preview") },
      { phase: "up (no-op)", minimum: 0, run: () => pulumi("up", "--yes", "--skip-preview") },
      { phase: "refresh (no drift)", minimum: n, run: () => pulumi("refresh", "--yes", "--skip-preview") },
      {
        phase: "refresh (10% drift)",
        minimum: n,
        before: async () => {
          await driftTenPercent(emulator, JSON.parse(await pulumi("stack", "export")), n);
        },
        run: () => pulumi("refresh", "--yes", "--skip-preview"),
      },
      {
        // One object per unit changes; where the drift above already made the same change, no
        // write is needed, so the minimum is the updates the engine plans (counted by a preview).
        phase: "up (10% updated)",
        before: async () => {
          await pulumi("config", "set", "generation", "1");
          const plan = JSON.parse(await pulumi("preview", "--json"));
          return plan.steps.filter((step) => step.op === "update").length;
        },
        run: () => pulumi("up", "--yes", "--skip-preview"),
      },
      { phase: "destroy", minimum: n, run: () => pulumi("destroy", "--yes", "--skip-preview") },
    ];
    await adminCall(emulator, "PUT", "/rate_limit", limit === "off" ? { enabled: false } : CLOUDFLARE_LIMIT);
    for (const { phase, minimum: fixedMinimum, before, run: runPhase } of phases) {
      const planned = before ? await before() : undefined;
      const minimum = fixedMinimum ?? planned;
      if (limit === "per phase") await adminCall(emulator, "PUT", "/rate_limit", CLOUDFLARE_LIMIT);
      await adminCall(emulator, "DELETE", "/stats");
      const errorsBefore = pulumi.errors;
      const started = process.hrtime.bigint();
      await runPhase();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const stats = await adminCall(emulator, "GET", "/stats");
      const sum = (keys) => keys.reduce((total, key) => total + (stats.byRoute[key] ?? 0), 0);
      const propagation = Object.entries(stats.byRouteStatus)
        .filter(([key]) => MEMBERS_ROUTES.test(key))
        .reduce((total, [, count]) => total + count, 0);
      results.push({
        phase,
        n,
        seconds: Math.round(seconds * 100) / 100,
        requests: stats.total,
        minimum_requests: minimum,
        list_page_requests: sum(LIST_ROUTES),
        propagation_requests: propagation,
        requests_by_method: stats.byMethod,
        rate_limited: stats.byStatus["429"] ?? 0,
        errors: pulumi.errors - errorsBefore,
        rate_limit: limit,
      });
      console.error(`  n=${n} (limit ${limit}) ${phase}: ${seconds.toFixed(1)}s, ${stats.total} requests, ${stats.byStatus["429"] ?? 0} answered 429`);
    }
    await pulumi("stack", "rm", "--yes");
  } finally {
    await emulator.close();
  }
  return results;
}

/**
 * The large stack under one window of the limit, each phase beside its time with the limit off.
 * Both skip the engine's intermediate checkpoints, O(n²) over a run (docs/performance.md), so
 * that the two lifecycles fit in the time a shared machine has; the requests do not depend on it.
 */
async function benchLarge() {
  const engine = { PULUMI_SKIP_CHECKPOINTS: "true" };
  console.error(`benchmarking a stack of ${LARGE} objects without the rate limit`);
  const unlimited = await benchSize(LARGE, "off", engine);
  console.error(`benchmarking a stack of ${LARGE} objects with every phase in one window of the rate limit`);
  const limited = await benchSize(LARGE, "one window", engine);
  return limited.map((entry) => ({ ...entry, seconds_without_limit: unlimited.find((u) => u.phase === entry.phase).seconds }));
}

async function main() {
  const measured = [];
  for (const n of sizes) {
    console.error(`benchmarking a stack of ${n} objects`);
    measured.push(...(await benchSize(n, "per phase")));
  }
  if (large) measured.push(...(await benchLarge()));
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")).results : [];
  const results = [...previous.filter((r) => !measured.some((m) => m.n === r.n)), ...measured].sort((a, b) => a.n - b.n);
  const overhead = await measureProviderOverhead();
  const propagation = await measurePropagation();
  writeFileSync(RESULTS, `${JSON.stringify({ results, propagation, provider_overhead: overhead }, null, 2)}\n`);
  renderDocs();
  console.log(benchTable(results));
  console.log("\nfact 37, per new group's member set:");
  for (const row of propagation) console.log(`  ${JSON.stringify(row)}`);
  console.log("\nProvider overhead, in process, per operation:");
  for (const [name, value] of Object.entries(overhead)) console.log(`  ${name}: ${value}`);
  console.log("\nwrote bench/results.json and the table in docs/performance.md");
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack || error.message}`);
  process.exit(1);
});
