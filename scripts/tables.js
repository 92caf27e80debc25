#!/usr/bin/env node
// The tables docs/ shows, rendered from the files runs write: bench/results.json (`npm run bench`),
// docs/reliability.json (the fault suite's reports, which `npm run figures` publishes there from
// .test-output/) and docs/mutation.json (`npm run mutation`). Each table sits in its Markdown file
// between `<!-- generated:NAME -->` markers, so it is never typed by hand; test/docs checks that it
// matches. `node scripts/tables.js` rewrites every table; `--publish` first moves the reports and
// the report screenshot of the last run of those tests into docs/. `npm test` calls neither: it
// leaves tracked files as they were.
"use strict";
const { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const BENCH_RESULTS = join(ROOT, "bench/results.json");
const RELIABILITY = join(ROOT, "docs/reliability.json");
const MUTATION = join(ROOT, "docs/mutation.json");
/** Where a test run leaves what docs/ shows, until `npm run figures` publishes it. */
const TEST_OUTPUT_DIR = join(ROOT, ".test-output");
const RUN_OUTPUT_DIR = join(TEST_OUTPUT_DIR, "reliability");
/** The access report's screenshot: test/e2e/report.test.ts takes it, README.md shows it. */
const SCREENSHOT = { taken: join(TEST_OUTPUT_DIR, "report.png"), shown: join(ROOT, "docs/report.png") };

/**
 * The requests a phase made beyond the list pages, the members' propagation retries (fact 37)
 * and the 429s (refused before they ran), over the minimum.
 */
function ratio(entry) {
  const beyond = entry.requests - entry.list_page_requests - (entry.propagation_requests ?? 0) - entry.rate_limited;
  if (entry.minimum_requests === 0) return beyond === 0 ? "1.00" : "inf";
  return (beyond / entry.minimum_requests).toFixed(2);
}

/** One row per phase and size of `npm run bench`. */
function benchTable(results) {
  const rows = results.map((r) => {
    const methods =
      Object.entries(r.requests_by_method)
        .map(([m, c]) => `${m} ${c}`)
        .join(", ") || "none";
    return `| ${r.phase} | ${r.n} | ${r.seconds.toFixed(2)} | ${((r.seconds * 1000) / r.n).toFixed(1)} | ${r.requests} | ${methods} | ${r.list_page_requests} | ${r.propagation_requests ?? 0} | ${r.rate_limited} | ${r.minimum_requests} | ${ratio(r)} | ${r.errors ?? 0} |`;
  });
  return [
    "| phase | n | seconds | ms/object | requests | by method | list pages | propagation retries | 429s | minimum | ratio | errors |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** The phases measured both without the rate limit and in one window of it (`--large`). */
function limitTable(results) {
  const rows = results
    .filter((r) => r.seconds_without_limit !== undefined)
    .map(
      (r) =>
        `| ${r.phase} | ${r.n} | ${r.seconds_without_limit.toFixed(2)} | ${r.seconds.toFixed(2)} | ${(r.seconds - r.seconds_without_limit).toFixed(2)} | ${r.rate_limited} | ${r.errors ?? 0} |`,
    );
  return [
    "| phase | n | seconds without the limit | seconds in one window of it | the limit's cost (s) | 429s the emulator sent | errors the run saw |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** fact 37: what a new group's member set costs, by the delay before its members answer. */
function propagationTable(propagation) {
  const rows = propagation.map(
    (p) =>
      `| ${(p.delay_ms / 1000).toFixed(0)} s | ${p.member_sets} | ${p.first_requests} | ${p.first_seconds.toFixed(2)} | ${p.later_requests_per_set.toFixed(2)} | ${p.later_seconds_per_set.toFixed(2)} |`,
  );
  return [
    "| propagation delay | member sets, one after another | requests, first set | seconds, first set | requests per later set | seconds per later set |",
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** The in-process costs `npm run bench` measures beside the phases. */
function overheadTable(overhead) {
  return ["| measured in process | cost |", "|---|---|", ...Object.entries(overhead).map(([what, cost]) => `| ${what} | ${cost} |`)].join("\n");
}

/** The reports of the fault scenarios, in the suite's order. */
function readReliability() {
  return existsSync(RELIABILITY) ? JSON.parse(readFileSync(RELIABILITY, "utf8")) : [];
}

/** One row per fault scenario. */
function reliabilityTable(reports) {
  const rows = reports.map(
    (r) =>
      `| ${r.scenario} | ${r.happened} | ${r.operations} | ${r.firstTryFailures} | ${r.retries} | ${r.faultsInjected} | ${r.recoveredWrites} | ${r.duplicates} | ${r.orphans} | ${r.missing} | ${r.leaks} |`,
  );
  return [
    "| scenario | what happened | pulumi operations | failed on the first try | retried | faults injected | lost answers recovered | duplicates | orphans | in state, missing | token leaks |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Each module's mutation score (`npm run mutation`). */
function mutationTable({ modules }) {
  const rows = modules.map(
    (m) => `| ${m.module} | ${m.score === null ? "n/a" : `${m.score.toFixed(2)}%`} | ${m.killed} | ${m.timeout} | ${m.survived} | ${m.noCoverage} | ${m.compileError} |`,
  );
  return ["| module | score | killed | timed out | survived | no coverage | compile errors |", "|---|---|---|---|---|---|---|", ...rows].join("\n");
}

/** What each run behind the scores cost. */
function mutationRunsTable({ runs }) {
  const kind = (r) => (r.partial ? "incremental, stopped: the mutants it had tested" : r.incremental ? "incremental" : "all");
  const rows = runs.map((r) => `| ${r.modules.join(", ")} | ${r.mutants} | ${kind(r)} | ${r.seconds} s | ${r.concurrency} |`);
  return ["| modules | mutants | run | wall time | concurrency |", "|---|---|---|---|---|", ...rows].join("\n");
}

/** The mutants left alive in the modules held to a target score, each explained in docs/testing.md. */
function survivorsTable({ survivors }) {
  const rows = survivors.map((s) => `| \`${s.at}\` | ${s.mutator} | \`${s.replacement.replace(/\s+/g, " ").replace(/\|/g, "\\|")}\` |`);
  return ["| where | mutator | replaced by |", "|---|---|---|", ...rows].join("\n");
}

/** The generated tables, by name, from the files runs wrote. */
function generatedTables() {
  const tables = {};
  if (existsSync(BENCH_RESULTS)) {
    const bench = JSON.parse(readFileSync(BENCH_RESULTS, "utf8"));
    tables.bench = benchTable(bench.results);
    tables.limit = limitTable(bench.results);
    tables.propagation = propagationTable(bench.propagation ?? []);
    tables.overhead = overheadTable(bench.provider_overhead);
  }
  const reliability = readReliability();
  if (reliability.length) tables.reliability = reliabilityTable(reliability);
  if (existsSync(MUTATION)) {
    const mutation = JSON.parse(readFileSync(MUTATION, "utf8"));
    tables.mutation = mutationTable(mutation);
    tables["mutation-runs"] = mutationRunsTable(mutation);
    tables["mutation-survivors"] = survivorsTable(mutation);
  }
  return tables;
}

const marker = (name) => [`<!-- generated:${name} -->`, `<!-- /generated:${name} -->`];

/** The table a Markdown text holds between a name's markers, or undefined. */
function tableIn(text, name) {
  const [open, close] = marker(name);
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  return start < 0 || end < start ? undefined : text.slice(start + open.length, end).trim();
}

/** The Markdown files that hold generated tables. */
const DOCS = ["docs/performance.md", "docs/reliability.md", "docs/testing.md"].map((f) => join(ROOT, f));

/** Rewrites every generated table in every doc that holds one. */
function renderDocs() {
  const tables = generatedTables();
  for (const file of DOCS.filter(existsSync)) {
    let text = readFileSync(file, "utf8");
    for (const [name, table] of Object.entries(tables)) {
      const [open, close] = marker(name);
      if (tableIn(text, name) !== undefined) text = `${text.slice(0, text.indexOf(open) + open.length)}\n${table}\n${text.slice(text.indexOf(close))}`;
    }
    writeFileSync(file, text);
  }
}

/**
 * Puts what the last run of the fault suite and the report test left in .test-output/ into docs/:
 * the reports into docs/reliability.json, replacing the earlier ones of the same scenarios, and
 * the screenshot over docs/report.png.
 */
function publishRunOutput() {
  if (existsSync(SCREENSHOT.taken)) copyFileSync(SCREENSHOT.taken, SCREENSHOT.shown);
  if (!existsSync(RUN_OUTPUT_DIR)) return;
  const fresh = readdirSync(RUN_OUTPUT_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(RUN_OUTPUT_DIR, f), "utf8")));
  const kept = readReliability().filter((old) => !fresh.some((r) => r.scenario === old.scenario));
  writeFileSync(
    RELIABILITY,
    `${JSON.stringify(
      [...kept, ...fresh].sort((a, b) => a.order - b.order),
      null,
      2,
    )}\n`,
  );
}

module.exports = { benchTable, mutationTable, reliabilityTable, generatedTables, tableIn, renderDocs, DOCS, MUTATION, RUN_OUTPUT_DIR, SCREENSHOT };

if (require.main === module) {
  if (process.argv.includes("--publish")) publishRunOutput();
  renderDocs();
}
