#!/usr/bin/env node
// `npm run mutation`: Stryker over provider/ and access/ (stryker.config.json), then the score of
// each module, printed and kept in docs/mutation.json, whose table scripts/tables.js renders into
// docs/testing.md. Arguments go to Stryker: `--mutate 'access/**/*.ts'` runs one area (its rows
// replace that area's, the others stay), `--incremental` reuses the results of mutants whose code
// and tests did not change.
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { MUTATION, mutationTable, renderDocs } = require("./tables");

const ROOT = join(__dirname, "..");
const config = JSON.parse(readFileSync(join(ROOT, "stryker.config.json"), "utf8"));
const REPORT = join(ROOT, config.jsonReporter.fileName);
/** Where survivors are listed one by one: the modules held to a target score. */
const TARGET_MODULES = ["provider/client", "provider/framework"];

/** The module a mutated file belongs to, as docs/testing.md groups them. */
function moduleOf(file) {
  const resource = /^provider\/resources\/([^/]+)\//.exec(file);
  if (resource) return `provider/resources/${resource[1]}`;
  if (file.startsWith("provider/resources/")) return "provider/resources (shared)";
  const folder = /^(provider\/[^/]+)\//.exec(file);
  if (folder) return folder[1];
  if (file.startsWith("provider/")) return "provider (config, runtime)";
  return file.split("/")[0];
}

const emptyCounts = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileError: 0 });
const STATUS_KEY = { Killed: "killed", Timeout: "timeout", Survived: "survived", NoCoverage: "noCoverage", CompileError: "compileError" };

/** Stryker's score: killed or timed out, of the mutants that compiled. */
const score = (c) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid ? Number(((100 * (c.killed + c.timeout)) / valid).toFixed(2)) : null;
};

/** Per-module counts and the survivors of the target modules, from Stryker's JSON report. */
function summarize(report) {
  const modules = {};
  const survivors = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const module = moduleOf(file);
    modules[module] ??= emptyCounts();
    const counts = modules[module];
    for (const mutant of mutants) {
      const key = STATUS_KEY[mutant.status];
      if (key) counts[key]++;
      if (TARGET_MODULES.includes(module) && (mutant.status === "Survived" || mutant.status === "NoCoverage")) {
        survivors.push({ at: `${file}:${mutant.location.start.line}`, mutator: mutant.mutatorName, replacement: mutant.replacement ?? "" });
      }
    }
  }
  const rows = Object.entries(modules)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([module, counts]) => ({ module, ...counts, score: score(counts) }));
  return { modules: rows, survivors };
}

/**
 * docs/mutation.json after this run: its modules' rows and survivors replace the earlier ones, and
 * the rows of modules it left out (a run narrowed with --mutate) stay, with the run that made them.
 */
function merge(previous, summary, run) {
  const covered = new Set(run.modules);
  const byModule = (rows) => rows.filter((row) => !covered.has(row.module));
  return {
    runs: [...(previous?.runs ?? []).filter((r) => !r.modules.every((m) => covered.has(m))), run],
    modules: [...byModule(previous?.modules ?? []), ...summary.modules].sort((a, b) => a.module.localeCompare(b.module)),
    survivors: [...(previous?.survivors ?? []).filter((s) => !covered.has(moduleOf(s.at))), ...summary.survivors],
  };
}

function main() {
  const args = process.argv.slice(2);
  const started = Date.now();
  const stryker = spawnSync(process.execPath, [join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", ...args], { cwd: ROOT, stdio: "inherit" });
  if (stryker.status !== 0) process.exit(stryker.status ?? 1);
  const summary = summarize(JSON.parse(readFileSync(REPORT, "utf8")));
  const run = {
    modules: summary.modules.map((m) => m.module),
    mutants: summary.modules.reduce((sum, m) => sum + m.killed + m.timeout + m.survived + m.noCoverage + m.compileError, 0),
    seconds: Math.round((Date.now() - started) / 1000),
    concurrency: config.concurrency,
    // With --incremental, Stryker reuses the results of mutants whose code and tests did not change.
    incremental: args.includes("--incremental"),
  };
  console.log(`\n${mutationTable(summary)}\n\n${run.mutants} mutants in ${run.seconds} s`);
  const previous = existsSync(MUTATION) ? JSON.parse(readFileSync(MUTATION, "utf8")) : undefined;
  writeFileSync(MUTATION, `${JSON.stringify(merge(previous, summary, run), null, 2)}\n`);
  renderDocs();
  console.log("wrote docs/mutation.json and its tables in docs/testing.md");
}

module.exports = { merge, moduleOf, summarize };

if (require.main === module) main();
