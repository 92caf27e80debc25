/** The tables docs/ shows are the renderings of the files runs wrote, never typed by hand (scripts/tables.js). */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { PROJECT_ROOT } from "../support/pulumi";

const { DOCS, generatedTables, tableIn } = require("../../scripts/tables");

const tables = generatedTables() as Record<string, string>;

it("has the bench's, the fault suite's and the mutation run's tables to show", () => {
  expect(Object.keys(tables).sort()).toEqual(["bench", "limit", "mutation", "mutation-runs", "mutation-survivors", "overhead", "propagation", "reliability"]);
});

const docs: [string, string][] = (DOCS as string[]).map((file) => [basename(file), file]);

it.each(docs)("%s holds each generated table exactly as rendered", (_name, file) => {
  const text = readFileSync(file, "utf8");
  const held = Object.keys(tables).filter((name) => tableIn(text, name) !== undefined);
  expect(held.length).toBeGreaterThan(0);
  for (const name of held) expect(tableIn(text, name)).toBe(tables[name]);
});

it("the claims docs/performance.md makes hold for the results it shows", () => {
  const bench = JSON.parse(readFileSync(join(PROJECT_ROOT, "bench/results.json"), "utf8")) as {
    results: {
      phase: string;
      n: number;
      seconds: number;
      requests: number;
      list_page_requests: number;
      propagation_requests: number;
      minimum_requests: number;
      rate_limited: number;
      errors: number;
      rate_limit: string;
      seconds_without_limit?: number;
    }[];
    propagation: { later_requests_per_set: number }[];
  };
  const { results } = bench;
  const PERMISSION_GROUP_PAGES = 3;
  const beyond = (r: (typeof results)[number]) => r.requests - r.list_page_requests - r.propagation_requests - r.rate_limited;
  // Every phase at the minimum, creates included.
  for (const r of results) expect([r.phase, r.n, beyond(r)]).toEqual([r.phase, r.n, r.minimum_requests]);
  // A create lists the resource groups at least once, and at most once per started minute.
  for (const r of results.filter((r) => r.phase === "up (create)")) {
    const resourceGroupLists = r.list_page_requests - PERMISSION_GROUP_PAGES;
    expect(resourceGroupLists).toBeGreaterThanOrEqual(1);
    expect(resourceGroupLists).toBeLessThanOrEqual(Math.ceil(r.seconds / 60));
  }
  // Later member sets go in one request, at every delay measured.
  expect(bench.propagation.map((p) => p.later_requests_per_set)).toEqual(bench.propagation.map(() => 1));
  // No 429 reached the user; none at all with a fresh window per phase.
  expect(results.map((r) => r.errors)).toEqual(results.map(() => 0));
  for (const r of results.filter((r) => r.rate_limit === "per phase")) expect([r.phase, r.n, r.rate_limited]).toEqual([r.phase, r.n, 0]);
  expect(new Set(results.map((r) => r.n))).toEqual(new Set([10, 100, 300, 1000]));
  expect(results.filter((r) => r.n === 1000).every((r) => r.rate_limit === "one window" && r.seconds_without_limit !== undefined)).toBe(true);
  // The create, first in its window, fits in it.
  expect(results.filter((r) => r.n === 1000 && r.phase === "up (create)").map((r) => r.rate_limited)).toEqual([0]);
});

describe("the mutation scores docs/testing.md shows (docs/mutation.json, from `npm run mutation`)", () => {
  const mutation = JSON.parse(readFileSync(join(PROJECT_ROOT, "docs/mutation.json"), "utf8")) as {
    modules: { module: string; score: number | null }[];
    survivors: { at: string }[];
  };
  const testing = readFileSync(join(PROJECT_ROOT, "docs/testing.md"), "utf8");

  const TARGET_MODULES = ["access", "provider/client", "provider/framework"];

  it("come from runs that cover access, provider/client and provider/framework", () => {
    expect(mutation.modules.map((m) => m.module)).toEqual(expect.arrayContaining(TARGET_MODULES));
  });

  it("hold access, provider/client and provider/framework to at least 85%", () => {
    const held = mutation.modules.filter((m) => TARGET_MODULES.includes(m.module));
    expect(held.map((m) => [m.module, (m.score ?? 0) >= 85])).toEqual(TARGET_MODULES.map((m) => [m, true]));
  });

  it("explain every mutant left alive in those three modules", () => {
    const explained = testing.slice(testing.indexOf("<!-- /generated:mutation-survivors -->"));
    expect(mutation.survivors.filter((s) => !explained.includes(`\`${s.at}\``)).map((s) => s.at)).toEqual([]);
  });
});
