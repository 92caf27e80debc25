/**
 * The README's "How the real API behaves" table stays true: one row per fact of
 * REAL-API-FACTS.md, and every test a row cites exists under that name in that file.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../support/pulumi";

const FACTS_FILE = join(PROJECT_ROOT, "../shared/api-reference/REAL-API-FACTS.md");
/** The facts the table was written against; REAL-API-FACTS.md, where it is beside the repository, must agree. */
const FACT_COUNT = 51;

const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## How the real API behaves"), readme.indexOf("\n## ", readme.indexOf("## How the real API behaves") + 3));
const rows = [...section.matchAll(/^\| (\d+) \| (.+) \| `([^`]+)`: "([^"]+)" \|$/gm)].map((m) => ({
  fact: Number(m[1]),
  does: m[2],
  file: m[3],
  test: m[4],
}));

it("has one row per fact, in order", () => {
  expect(rows.map((r) => r.fact)).toEqual(Array.from({ length: FACT_COUNT }, (_, i) => i + 1));
  if (existsSync(FACTS_FILE)) {
    const numbered = [...readFileSync(FACTS_FILE, "utf8").matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbered).toEqual(rows.map((r) => r.fact));
  }
});

/** The names a test file gives its tests: `it(...)` and `describe(...)` titles, and the case names of table tests. */
function testNames(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/(["'`])((?:(?!\1).)+)\1/g)].map((m) => m[2]);
}

it.each(rows)("fact $fact cites a test that exists: $file", ({ file, test }) => {
  const path = join(PROJECT_ROOT, file);
  expect(existsSync(path)).toBe(true);
  expect(testNames(path).filter((name) => name.includes(test))).not.toEqual([]);
});
