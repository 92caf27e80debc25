/** The tables docs/ shows are the renderings of the files runs wrote, never typed by hand (scripts/tables.js). */
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const { DOCS, generatedTables, tableIn } = require("../../scripts/tables");

const tables = generatedTables() as Record<string, string>;

it("has the bench's and the fault suite's tables to show", () => {
  expect(Object.keys(tables).sort()).toEqual(["bench", "reliability"]);
});

const docs: [string, string][] = (DOCS as string[]).map((file) => [basename(file), file]);

it.each(docs)("%s holds each generated table exactly as rendered", (_name, file) => {
  const text = readFileSync(file, "utf8");
  const held = Object.keys(tables).filter((name) => tableIn(text, name) !== undefined);
  expect(held.length).toBeGreaterThan(0);
  for (const name of held) expect(tableIn(text, name)).toBe(tables[name]);
});
