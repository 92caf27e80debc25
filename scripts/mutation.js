#!/usr/bin/env node
// `npm run mutation`: Stryker over provider/ and access/ (stryker.config.json), then the score of
// each module, printed and kept in docs/mutation.json, whose table scripts/tables.js renders into
// docs/testing.md. Arguments go to Stryker: `--mutate 'access/**/*.ts'` runs one area (its rows
// replace that area's, the others stay), `--incremental` reuses the results of mutants whose code
// and tests did not change. Two are this script's own: `--area access` mutates that folder on its
// own tests only (stryker.area.config.js), and `--retest-survivors` first drops the survivors from
// the incremental file, so that an incremental run tests them again against tests added since.
// An incremental run stopped with Ctrl-C is scored from what it tested, and marked partial.
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { MUTATION, mutationTable, renderDocs } = require("./tables");

const ROOT = join(__dirname, "..");
const config = JSON.parse(readFileSync(join(ROOT, "stryker.config.json"), "utf8"));
const REPORT = join(ROOT, config.jsonReporter.fileName);
/** Where survivors are listed one by one: the modules held to a target score. */
const TARGET_MODULES = ["provider/client", "provider/framework", "access"];

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

/**
 * Stryker's command line and environment for this script's arguments: `--area <folder>` becomes
 * stryker.area.config.js with STRYKER_AREA, whose incremental file is that area's own.
 */
function strykerRun(args) {
  const at = args.indexOf("--area");
  const rest = args.filter((a) => a !== "--retest-survivors");
  if (at < 0) return { args: rest, env: process.env, incrementalFile: config.incrementalFile };
  const area = args[at + 1];
  const withoutArea = rest.filter((a, i) => a !== "--area" && rest[i - 1] !== "--area");
  return { args: ["stryker.area.config.js", ...withoutArea], env: { ...process.env, STRYKER_AREA: area }, incrementalFile: `reports/mutation/incremental-${area}.json` };
}

/**
 * Stryker reuses a survivor's result while its covering tests keep their names, and a static
 * mutant's (one in a module-level constant, run against every test) even when tests were added:
 * dropping the survivors from the incremental file makes the next run test them again.
 */
function dropSurvivors(file) {
  if (!existsSync(file)) return;
  const incremental = JSON.parse(readFileSync(file, "utf8"));
  for (const entry of Object.values(incremental.files)) entry.mutants = entry.mutants.filter((m) => m.status !== "Survived" && m.status !== "NoCoverage");
  writeFileSync(file, JSON.stringify(incremental));
}

function main() {
  const args = process.argv.slice(2);
  const started = Date.now();
  const run = strykerRun(args);
  if (args.includes("--retest-survivors")) dropSurvivors(join(ROOT, run.incrementalFile));
  const stryker = spawnSync(process.execPath, [join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", ...run.args], { cwd: ROOT, stdio: "inherit", env: run.env });
  // Stopped with Ctrl-C, Stryker keeps what it tested in the incremental file: that is scored, as a partial run.
  const incremental = join(ROOT, run.incrementalFile);
  const partial = stryker.status !== 0 && args.includes("--incremental") && existsSync(incremental) && statSync(incremental).mtimeMs > started;
  if (stryker.status !== 0 && !partial) process.exit(stryker.status ?? 1);
  const summary = summarize(JSON.parse(readFileSync(partial ? incremental : REPORT, "utf8")));
  const record = {
    modules: summary.modules.map((m) => m.module),
    mutants: summary.modules.reduce((sum, m) => sum + m.killed + m.timeout + m.survived + m.noCoverage + m.compileError, 0),
    seconds: Math.round((Date.now() - started) / 1000),
    concurrency: config.concurrency,
    // With --incremental, Stryker reuses the results of mutants whose code and tests did not change.
    incremental: args.includes("--incremental"),
    ...(partial ? { partial: true } : {}),
  };
  console.log(`\n${mutationTable(summary)}\n\n${record.mutants} mutants in ${record.seconds} s`);
  const previous = existsSync(MUTATION) ? JSON.parse(readFileSync(MUTATION, "utf8")) : undefined;
  writeFileSync(MUTATION, `${JSON.stringify(merge(previous, summary, record), null, 2)}\n`);
  renderDocs();
  console.log("wrote docs/mutation.json and its tables in docs/testing.md");
}

module.exports = { dropSurvivors, merge, moduleOf, strykerRun, summarize };

if (require.main === module) main();
