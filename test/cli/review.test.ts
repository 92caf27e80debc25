/**
 * `cloudflare-iam review` as CI runs it: the changed files as risks, the whole review on stdout
 * and `--out`, the bounded one in `--comment`, JSON and errors inert on the terminal. A preview
 * that changes nothing needs no API call, so these run without an emulator.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commentChars } from "../../access/comment";
import { cloudflareIam } from "../support/cli";

const work = mkdtempSync(join(tmpdir(), "review-cli-"));
const file = (name: string, content: string) => {
  writeFileSync(join(work, name), content);
  return join(work, name);
};
const noChange = file("preview.json", JSON.stringify({ steps: [] }));
const cli = (args: string[]) => cloudflareIam(["review", ...args], { PATH: process.env.PATH });
/** Raw characters a terminal acts on or hides: ESC, BEL, C1 controls, bidi overrides, U+2028. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters the review must never print
const RAW_CONTROL = /[\u0007\u001b\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

it("makes every changed path but the access file a risk, first, and --fail-on risk fails on them", async () => {
  const changed = file("changed.txt", "access.yaml\nindex.ts\n.github/workflows/preview.yml\n");
  const run = await cli([noChange, "--changed-files", changed, "--format", "json", "--fail-on", "risk"]);
  expect(run.code).toBe(3);
  expect(JSON.parse(run.stdout).risks.map((r: { kind: string; message: string }) => [r.kind, r.message.split(",")[0]])).toEqual([
    ["changed-file", "the pull request changes index.ts"],
    ["changed-file", "the pull request changes .github/workflows/preview.yml"],
  ]);
  expect(run.stderr).toBe("cloudflare-iam: the review raises 2 risks (--fail-on risk)\n");
  expect((await cli([noChange, "--changed-files", file("only-access.txt", "access.yaml\n"), "--fail-on", "risk"])).code).toBe(0);
});

it("writes the whole review to --out and the bounded one to --comment; --fail-on risk counts every risk", async () => {
  const paths = [...Array(3_000).keys()].map((i) => `src/generated/module-${i}.ts`);
  const [out, comment] = [join(work, "review.md"), join(work, "comment.md")];
  const run = await cli([noChange, "--changed-files", file("many.txt", paths.join("\n")), "--out", out, "--comment", comment, "--max-chars", "20000", "--fail-on", "risk"]);
  expect(run.code).toBe(3);
  expect(run.stderr).toBe("cloudflare-iam: the review raises 3000 risks (--fail-on risk)\n");
  const whole = readFileSync(out, "utf8");
  for (const path of paths) expect(whole).toContain(`\`${path}\``);
  const bounded = readFileSync(comment, "utf8");
  expect(commentChars(bounded)).toBeLessThanOrEqual(20_000);
  expect(bounded).toMatch(/more risks cut to fit a pull-request comment/);
  expect(bounded).toMatch(new RegExp(`the whole review is in \`${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\`\\.\\n$`));
});

it("folds --preview-diff into the comment, and names where the whole review is", async () => {
  const comment = join(work, "folded.md");
  const changed = file("one.txt", "index.ts\n");
  const run = await cli([
    noChange,
    "--changed-files",
    changed,
    "--comment",
    comment,
    "--preview-diff",
    file("preview.txt", "+ a step\n"),
    "--whole-review-at",
    "the run's artifacts",
  ]);
  expect(run.code).toBe(0);
  expect(readFileSync(comment, "utf8")).toContain("<details><summary>pulumi preview --diff</summary>\n\n```diff\n+ a step\n```\n\n</details>\n");
});

it.each([
  [["--max-chars", "100"], "error: option '--max-chars <n>' argument '100' is invalid. takes a whole number from 2000 to 65536 (GitHub's limit), got 100"],
  [["--max-chars", "70000"], "error: option '--max-chars <n>' argument '70000' is invalid. takes a whole number from 2000 to 65536 (GitHub's limit), got 70000"],
  [["--preview-diff", "preview.txt"], "error: --preview-diff and --whole-review-at shape --comment: pass --comment <file>"],
])("refuses %j before any API call, with one line and exit 2", async (args, message) => {
  const run = await cli([noChange, ...args]);
  expect([run.code, run.stderr.trim()]).toEqual([2, message]);
});

it("writes names in JSON as data, with no raw control or bidirectional character for the terminal", async () => {
  const path = "evil\u202e\u2028\u009b31m\u001b]0;pwned\u0007.ts";
  const run = await cli([noChange, "--changed-files", file("evil.txt", `${path}\n`), "--format", "json"]);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(RAW_CONTROL);
  expect(JSON.parse(run.stdout).risks[0].message).toContain(path);
});

it("shows an error that carries the pull request's data inert, on one line", async () => {
  const run = await cli([file("hostile.json", "\u001b]0;pwned\u0007\u202e\n<not json>")]);
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(RAW_CONTROL);
  expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/^cloudflare-iam: .*hostile\.json is not the JSON of `pulumi preview --json`: .*⟨U\+001B⟩/)]);
});
