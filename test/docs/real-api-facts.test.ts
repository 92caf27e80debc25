/**
 * docs/real-api-facts.md stays true: one row per fact of REAL-API-FACTS.md, every test a row
 * cites exists under that name in that file, and docs/testing.md records a break tried for
 * every fact, and for each of the review's breaks it lists, naming a test that exists.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../support/pulumi";

const FACTS_FILE = join(PROJECT_ROOT, "../shared/api-reference/REAL-API-FACTS.md");
const MEMBER_FACTS_FILE = join(PROJECT_ROOT, "../shared/api-reference/ACCOUNT-MEMBER-FACTS.md");
/** The account members' facts (52–83): a row for each one the provider handles, not for every one. */
const MEMBER_FACTS = Array.from({ length: 32 }, (_, i) => i + 52);
/** The facts the table was written against; REAL-API-FACTS.md, where it is beside the repository, must agree. */
const FACT_COUNT = 51;
const ALL_FACTS = Array.from({ length: FACT_COUNT }, (_, i) => i + 1);

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), "utf8");

/** The lines of a markdown section, from its heading to the next heading of the same level. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = text.indexOf("\n## ", start + heading.length + 2);
  return text.slice(start, end < 0 ? undefined : end);
}

const rows = [...read("docs/real-api-facts.md").matchAll(/^\| (\d+) \| (.+) \| `([^`]+)`: "([^"]+)" \|$/gm)].map((m) => ({
  fact: Number(m[1]),
  file: m[3],
  test: m[4],
}));

const breaks = [...section(read("docs/testing.md"), "## Fact table: the breaks tried").matchAll(/^- fact (\d+): (.+) → `([^`]+)`: "([^"]+)"$/gm)].map((m) => ({
  fact: Number(m[1]),
  change: m[2],
  file: m[3],
  test: m[4],
}));

const generalRows = rows.filter((r) => r.fact <= FACT_COUNT);
const memberRows = rows.filter((r) => r.fact > FACT_COUNT);

it("has one row per fact, in order", () => {
  expect(generalRows.map((r) => r.fact)).toEqual(ALL_FACTS);
  if (existsSync(FACTS_FILE)) {
    const numbered = [...readFileSync(FACTS_FILE, "utf8").matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbered).toEqual(generalRows.map((r) => r.fact));
  }
});

it("has at most one row per account member fact, in order, each a fact of ACCOUNT-MEMBER-FACTS.md", () => {
  const facts = memberRows.map((r) => r.fact);
  expect(facts).toEqual([...new Set(facts)].sort((a, b) => a - b));
  expect(facts.every((fact) => MEMBER_FACTS.includes(fact))).toBe(true);
  if (existsSync(MEMBER_FACTS_FILE)) {
    const numbered = [...readFileSync(MEMBER_FACTS_FILE, "utf8").matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbered).toEqual(MEMBER_FACTS);
  }
});

it("records a break tried for every fact with a row, in order", () => {
  expect([...new Set(breaks.map((b) => b.fact))]).toEqual(rows.map((r) => r.fact));
});

/** The names a test file gives its tests: `it(...)` and `describe(...)` titles, and the case names of table tests. */
function testNames(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/(["'`])((?:(?!\1).)+)\1/g)].map((m) => m[2]);
}

const citesATestThatExists = ({ file, test }: { file: string; test: string }) => {
  const path = join(PROJECT_ROOT, file);
  expect(existsSync(path)).toBe(true);
  expect(testNames(path).filter((name) => name.includes(test))).not.toEqual([]);
};

it.each(rows)("fact $fact cites a test that exists: $file", citesATestThatExists);

it.each(breaks)("the break of fact $fact names a test that exists: $file", citesATestThatExists);

/** The breaks of the review that section lists beside the facts' (access/), in the same form. */
const reviewBreaks = [...section(read("docs/testing.md"), "## Fact table: the breaks tried").matchAll(/^- review: (.+) → `([^`]+)`: "([^"]+)"$/gm)].map((m) => ({
  change: m[1],
  file: m[2],
  test: m[3],
}));

it("lists the review's breaks tried beside the facts'", () => {
  expect(reviewBreaks.length).toBeGreaterThan(0);
});

it.each(reviewBreaks)("the review's break names a test that exists: $change", citesATestThatExists);
