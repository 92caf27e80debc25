/** How `npm run mutation` turns Stryker's JSON report into the per-module scores docs/testing.md shows. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const { dropSurvivors, merge, moduleOf, strykerRun, summarize } = require("../../scripts/mutation");

const mutant = (status: string, line = 1, replacement = "false") => ({ status, mutatorName: "BooleanLiteral", replacement, location: { start: { line, column: 1 } } });

it("groups files by the modules docs/testing.md names", () => {
  expect(
    [
      "provider/client/http.ts",
      "provider/framework/define.ts",
      "provider/resources/user-group/api.ts",
      "provider/resources/common.ts",
      "provider/data-sources/once.ts",
      "provider/config.ts",
      "access/compare.ts",
    ].map(moduleOf),
  ).toEqual([
    "provider/client",
    "provider/framework",
    "provider/resources/user-group",
    "provider/resources (shared)",
    "provider/data-sources",
    "provider (config, runtime)",
    "access",
  ]);
});

it("scores killed and timed-out mutants against every mutant that compiled", () => {
  const { modules } = summarize({
    files: {
      "access/risk.ts": { mutants: [mutant("Killed"), mutant("Timeout"), mutant("Survived"), mutant("NoCoverage"), mutant("CompileError"), mutant("Ignored")] },
      "access/effective.ts": { mutants: [mutant("Killed")] },
      "provider/framework/values.ts": { mutants: [mutant("CompileError")] },
    },
  });
  expect(modules).toEqual([
    { module: "access", killed: 2, timeout: 1, survived: 1, noCoverage: 1, compileError: 1, score: 60 },
    { module: "provider/framework", killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileError: 1, score: null },
  ]);
});

it("lists the survivors of provider/client, provider/framework and access only, where they are", () => {
  const { survivors } = summarize({
    files: {
      "provider/client/retry.ts": { mutants: [mutant("Survived", 31, "true"), mutant("Killed", 32), mutant("NoCoverage", 44, "{}")] },
      "access/risk.ts": { mutants: [mutant("Survived", 3)] },
      "account/snapshot.ts": { mutants: [mutant("Survived", 5)] },
    },
  });
  expect(survivors).toEqual([
    { at: "provider/client/retry.ts:31", mutator: "BooleanLiteral", replacement: "true" },
    { at: "provider/client/retry.ts:44", mutator: "BooleanLiteral", replacement: "{}" },
    { at: "access/risk.ts:3", mutator: "BooleanLiteral", replacement: "false" },
  ]);
});

it("replaces the rows, survivors and runs of the modules a run covered, and keeps the others", () => {
  const row = (module: string, score: number) => ({ module, killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileError: 0, score });
  const run = (modules: string[], seconds: number) => ({ modules, mutants: 1, seconds, concurrency: 2, incremental: false });
  const previous = {
    runs: [run(["access"], 10), run(["provider/client", "provider/framework"], 20)],
    modules: [row("access", 50), row("provider/client", 60), row("provider/framework", 70)],
    survivors: [
      { at: "provider/client/retry.ts:3", mutator: "x", replacement: "" },
      { at: "provider/framework/values.ts:4", mutator: "x", replacement: "" },
    ],
  };
  const summary = { modules: [row("provider/client", 90)], survivors: [{ at: "provider/client/http.ts:9", mutator: "y", replacement: "" }] };
  expect(merge(previous, summary, run(["provider/client"], 5))).toEqual({
    runs: [run(["access"], 10), run(["provider/client", "provider/framework"], 20), run(["provider/client"], 5)],
    modules: [row("access", 50), row("provider/client", 90), row("provider/framework", 70)],
    survivors: [
      { at: "provider/framework/values.ts:4", mutator: "x", replacement: "" },
      { at: "provider/client/http.ts:9", mutator: "y", replacement: "" },
    ],
  });
  expect(merge(undefined, summary, run(["provider/client"], 5)).runs).toEqual([run(["provider/client"], 5)]);
});

it("runs one area on its own tests with --area, its incremental file its own, and passes every other argument to Stryker", () => {
  expect(strykerRun(["--incremental", "--area", "access", "--retest-survivors"])).toEqual({
    args: ["stryker.area.config.js", "--incremental"],
    env: expect.objectContaining({ STRYKER_AREA: "access" }),
    incrementalFile: "reports/mutation/incremental-access.json",
  });
  expect(strykerRun(["--mutate", "access/**/*.ts", "--incremental"])).toEqual({
    args: ["--mutate", "access/**/*.ts", "--incremental"],
    env: process.env,
    incrementalFile: "reports/mutation/incremental.json",
  });
});

it("--retest-survivors drops the survivors from the incremental file and keeps every other result", () => {
  const file = join(mkdtempSync(join(tmpdir(), "mutation-")), "incremental.json");
  const kept = [mutant("Killed", 1), mutant("Timeout", 2), mutant("CompileError", 3)];
  writeFileSync(
    file,
    JSON.stringify({ schemaVersion: "2", files: { "access/risk.ts": { language: "typescript", mutants: [mutant("Survived", 4), ...kept, mutant("NoCoverage", 5)] } } }),
  );
  dropSurvivors(file);
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ schemaVersion: "2", files: { "access/risk.ts": { language: "typescript", mutants: kept } } });
  dropSurvivors(join(file, "..", "absent.json"));
});
