#!/usr/bin/env node
// `npm run bench`: API calls and wall time of every lifecycle phase, for stacks of 10, 100 and
// 300 objects, measured with the real CLI against the emulator with Cloudflare's rate limit on.
// Prints a table and writes bench/results.json. A script, not a test: it asserts nothing.
"use strict";
const { execFile } = require("node:child_process");
const { mkdtempSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { promisify } = require("node:util");
const { startEmulator, accountMembers } = require("../dist/emulator");
const { driftTenPercent } = require("./program/drift");
const { measureProviderOverhead } = require("./provider-overhead");
const { benchTable, renderDocs } = require("../scripts/tables");

const sizes = (process.env.BENCH_SIZES || "10,100,300").split(",").map(Number);
const program = join(__dirname, "program");
const run = promisify(execFile);

function pulumiRunner(backendDir, stack) {
  const env = { ...process.env, PULUMI_BACKEND_URL: `file://${backendDir}` };
  return async (...args) => {
    const { stdout } = await run("pulumi", [...args, "--stack", stack, "--non-interactive"], { cwd: program, env, maxBuffer: 256 << 20 });
    return stdout;
  };
}

async function adminCall(emulator, method, path, body) {
  const response = await fetch(`${emulator.adminUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

async function benchSize(n) {
  const emulator = await startEmulator({ port: 0 });
  const backendDir = mkdtempSync(join(tmpdir(), "bench-backend-"));
  const stack = `bench-${n}`;
  const pulumi = pulumiRunner(backendDir, stack);
  const results = [];
  try {
    await pulumi("stack", "init");
    const config = { n: String(n), memberIds: JSON.stringify(accountMembers.map((m) => m.id)), "cloudflare-iam:baseUrl": emulator.baseUrl, "cloudflare-iam:accountId": emulator.accountId };
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
    for (const { phase, minimum: fixedMinimum, before, run: runPhase } of phases) {
      const planned = before ? await before() : undefined;
      const minimum = fixedMinimum ?? planned;
      // Cloudflare's real limit, a fresh window per phase (phases are runs hours apart in practice).
      await adminCall(emulator, "PUT", "/rate_limit", { limit: 1200, window_seconds: 300 });
      await adminCall(emulator, "DELETE", "/stats");
      const started = process.hrtime.bigint();
      await runPhase();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const stats = await adminCall(emulator, "GET", "/stats");
      const listPages = stats.byRoute["GET /accounts/:account_id/iam/permission_groups"] ?? 0;
      results.push({
        phase,
        n,
        seconds: Math.round(seconds * 100) / 100,
        requests: stats.total,
        minimum_requests: minimum,
        list_page_requests: listPages,
        requests_by_method: stats.byMethod,
        rate_limited: stats.byStatus["429"] ?? 0,
      });
      console.error(`  n=${n} ${phase}: ${seconds.toFixed(1)}s, ${stats.total} requests`);
    }
    await pulumi("stack", "rm", "--yes");
  } finally {
    await emulator.close();
  }
  return results;
}

async function main() {
  const results = [];
  for (const n of sizes) {
    console.error(`benchmarking a stack of ${n} objects`);
    results.push(...(await benchSize(n)));
  }
  const overhead = await measureProviderOverhead();
  writeFileSync(join(__dirname, "results.json"), JSON.stringify({ results, provider_overhead: overhead }, null, 2) + "\n");
  renderDocs();
  console.log(benchTable(results));
  console.log("\nProvider overhead, in process, per operation:");
  for (const [name, value] of Object.entries(overhead)) console.log(`  ${name}: ${value}`);
  console.log("\nwrote bench/results.json and the table in docs/performance.md");
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack || error.message}`);
  process.exit(1);
});
