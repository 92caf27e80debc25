/** The `cloudflare-iam` command as a user runs it: help, version, exit codes, one-line errors, output to stdout. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { cloudflareIam } from "../support/cli";
import { useEmulator } from "../support/emulator";
import { PROJECT_ROOT } from "../support/pulumi";

const emulator = useEmulator();
const version = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).version;

const cli = (args: string[], env: Record<string, string> = {}) => cloudflareIam(args, { PATH: process.env.PATH, ...env });

const lines = (text: string) => text.trim().split("\n");

it.each(["--help", "generate --help", "help generate", "review --help", "report --help", "drift --help", "migrate-roles --help"])(
  "`cloudflare-iam %s` prints help and exits 0",
  async (args) => {
    const run = await cli(args.split(" "));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: cloudflare-iam/);
  },
);

it.each([["--version"], ["-V"]])("`cloudflare-iam %s` prints the package version and exits 0", async (flag) => {
  expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
});

it.each([
  [["generate", "--frmat", "access"], "error: unknown option '--frmat'"],
  [["generate", "--format", "json", "--account", "a"], "error: option '--format <format>' argument 'json' is invalid. Allowed choices are access, typescript."],
  [["generate"], "error: --account <id> is required (or set CLOUDFLARE_ACCOUNT_ID)"],
  [["regenerate"], "error: unknown command 'regenerate'"],
])("a usage error (%j) exits 2 with one line", async (args, message) => {
  const run = await cli(args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(lines(run.stderr)).toEqual([message]);
});

it("a failure of the work exits 1 with one line, and no token", async () => {
  const run = await cli(["generate", "--account", emulator().accountId], { CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: "wrong-token-value" });
  expect(run.code).toBe(1);
  expect(lines(run.stderr)).toEqual([expect.stringMatching(/^cloudflare-iam: Cloudflare API GET .* failed with HTTP 403: \[10000\]/)]);
  expect(run.stderr).not.toContain("wrong-token-value");
  // The CLI reads the token from the environment alone: the stack config is no place to look.
  expect(run.stderr.trim()).toMatch(/\. Check the API token: the CLOUDFLARE_API_TOKEN environment variable$/);
  expect(run.stderr).not.toContain("cloudflare-iam:apiToken");
});

it("generate writes to stdout, so it can be piped, and reports on stderr", async () => {
  const run = await cli(["generate"], { CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token, CLOUDFLARE_ACCOUNT_ID: emulator().accountId });
  expect(run.code).toBe(0);
  expect(yaml.load(run.stdout)).toMatchObject({ resourceGroups: [], userGroups: [] });
  expect(run.stderr).toMatch(/^skipped resource group "com\.cloudflare\.api\.account\./);
});
