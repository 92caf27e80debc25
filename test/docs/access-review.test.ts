/** The figures docs/access-review.md gives for the comment's bound and the inert names are the code's own. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_COMMENT_CHARS, GITHUB_COMMENT_LIMIT, MIN_COMMENT_CHARS } from "../../access/comment";
import { MAX_NAME_CHARS } from "../../access/inert";
import { MAX_MESSAGE_CHARS } from "../../cli/program";
import { PROJECT_ROOT } from "../support/pulumi";

const doc = readFileSync(join(PROJECT_ROOT, "docs/access-review.md"), "utf8").replace(/\s+/g, " ");
const n = (value: number) => value.toLocaleString("en-US");

it.each([
  [`GitHub refuses a comment over ${n(GITHUB_COMMENT_LIMIT)} characters`],
  [`(default ${n(DEFAULT_COMMENT_CHARS)}, from ${n(MIN_COMMENT_CHARS)} to ${n(GITHUB_COMMENT_LIMIT)})`],
  [`The default leaves ${n(GITHUB_COMMENT_LIMIT - DEFAULT_COMMENT_CHARS)} characters`],
  [`cut to ${MAX_NAME_CHARS} characters`],
  [`cut at ${n(MAX_MESSAGE_CHARS)} characters`],
])("says %s", (claim) => {
  expect(doc).toContain(claim);
});
