/** The tables docs/ shows are the renderings of the files runs wrote, never typed by hand (scripts/tables.js). */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { PROJECT_ROOT } from "../support/pulumi";

const { DOCS, generatedTables, tableIn } = require("../../scripts/tables");

const tables = generatedTables() as Record<string, string>;

it("has the bench's and the fault suite's tables to show", () => {
  expect(Object.keys(tables).sort()).toEqual(["bench", "limit", "overhead", "propagation", "reliability"]);
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
