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
const { unitLayout, resourceName } = require("./program/layout");
const { measureProviderOverhead } = require("./provider-overhead");

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

/** Changes one object per unit behind Pulumi's back: the same objects a new generation changes. */
async function driftTenPercent(emulator, pulumi, n) {
  const state = JSON.parse(await pulumi("stack", "export"));
  const ids = new Map(state.deployment.resources.map((r) => [r.urn.split("::").pop(), r.id]));
  const call = async (method, path, body) =>
    fetch(`${emulator.baseUrl}/accounts/${emulator.accountId}${path}`, {
      method,
      headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  for (let unit = 0; unit < n / 10; unit++) {
    const object = unitLayout[unit % 10];
    const id = ids.get(resourceName(unit, object));
    if (object.startsWith("rg")) await call("PUT", `/iam/resource_groups/${id}`, { name: "edited in the dashboard" });
    else if (object.startsWith("ug")) await call("PUT", `/iam/user_groups/${id}`, { name: "edited in the dashboard" });
    else if (object.startsWith("members")) {
      const members = await (await fetch(`${emulator.adminUrl}/state`)).json();
      const first = Object.keys(members.userGroups[id].members)[0];
      await call("DELETE", `/iam/user_groups/${id}/members/${first}`);
    } else if (object === "sso") await call("PATCH", `/sso_connectors/${id}`, { use_fedramp_language: true });
    else await call("PATCH", `/oauth_clients/${id}`, { client_name: "edited in the dashboard" });
  }
}

async function benchSize(n) {
  const emulator = await startEmulator({ port: 0 });
  const backendDir = mkdtempSync(join(tmpdir(), "bench-backend-"));
  const stack = `bench-${n}`;
  const pulumi = pulumiRunner(backendDir, stack);
  const results = [];
  try {
    await pulumi("stack", "init");
    const config = { n: String(n), memberIds: JSON.stringify(accountMembers.map((m) => m.id)), "cloudflare:baseUrl": emulator.baseUrl, "cloudflare:accountId": emulator.accountId };
    for (const [key, value] of Object.entries(config)) await pulumi("config", "set", key, value);
    await pulumi("config", "set", "--secret", "cloudflare:apiToken", emulator.token);

    const phases = [
      { phase: "up (create)", minimum: n, run: () => pulumi("up", "--yes", "--skip-preview") },
      { phase: "preview (no-op)", minimum: 0, run: () => pulumi("preview") },
      { phase: "up (no-op)", minimum: 0, run: () => pulumi("up", "--yes", "--skip-preview") },
      { phase: "refresh (no drift)", minimum: n, run: () => pulumi("refresh", "--yes", "--skip-preview") },
      {
        phase: "refresh (10% drift)",
        minimum: n,
        before: () => driftTenPercent(emulator, pulumi, n),
        run: () => pulumi("refresh", "--yes", "--skip-preview"),
      },
      {
        phase: "up (10% updated)",
        minimum: n / 10,
        before: () => pulumi("config", "set", "generation", "1"),
        run: () => pulumi("up", "--yes", "--skip-preview"),
      },
      { phase: "destroy", minimum: n, run: () => pulumi("destroy", "--yes", "--skip-preview") },
    ];
    for (const { phase, minimum, before, run: runPhase } of phases) {
      if (before) await before();
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

function ratio(entry) {
  const beyondLists = entry.requests - entry.list_page_requests;
  if (entry.minimum_requests === 0) return beyondLists === 0 ? "1.00" : "inf";
  return (beyondLists / entry.minimum_requests).toFixed(2);
}

function table(results) {
  const header = "| phase | n | seconds | ms/object | requests | by method | list pages | minimum | ratio (beyond list pages) | 429s |";
  const rows = results.map((r) => {
    const methods = Object.entries(r.requests_by_method).map(([m, c]) => `${m} ${c}`).join(", ") || "none";
    return `| ${r.phase} | ${r.n} | ${r.seconds.toFixed(2)} | ${((r.seconds * 1000) / r.n).toFixed(1)} | ${r.requests} | ${methods} | ${r.list_page_requests} | ${r.minimum_requests} | ${ratio(r)} | ${r.rate_limited} |`;
  });
  return [header, "|---|---|---|---|---|---|---|---|---|---|", ...rows].join("\n");
}

async function main() {
  const results = [];
  for (const n of sizes) {
    console.error(`benchmarking a stack of ${n} objects`);
    results.push(...(await benchSize(n)));
  }
  const overhead = await measureProviderOverhead();
  writeFileSync(join(__dirname, "results.json"), JSON.stringify({ results, provider_overhead: overhead }, null, 2) + "\n");
  console.log(table(results));
  console.log("\nProvider overhead, in process, per operation:");
  for (const [name, value] of Object.entries(overhead)) console.log(`  ${name}: ${value}`);
  console.log("\nwrote bench/results.json");
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack || error.message}`);
  process.exit(1);
});
