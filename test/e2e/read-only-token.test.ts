/**
 * The preview job holds a read-only token, with the real CLI against the emulator: an access
 * file is deployed with the write token; with the read-only one, `pulumi preview --json` and
 * `cloudflare-iam review` both work and write nothing, while `pulumi up` is refused with 403.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { accountMembers } from "../../emulator";
import { cloudflareIam } from "../support/cli";
import { resetStats, stats, useEmulator, writeCount } from "../support/emulator";
import { PulumiWorkspace } from "../support/pulumi";

jest.setTimeout(300_000);

const READ_ONLY = "preview-read-only-token";
const emulator = useEmulator({ readOnlyToken: READ_ONLY });
const work = mkdtempSync(join(tmpdir(), "read-only-"));
const accessFile = join(work, "access.yaml");
const [ada, alan] = accountMembers.map((m) => m.email);
let stack: PulumiWorkspace;

const spec = (members: string[]) => ({
  resourceGroups: [{ name: "production zones", scope: { objects: ["com.cloudflare.api.account.zone.prod"] } }],
  userGroups: [{ name: "SRE", policies: [{ access: "allow", permissionGroups: ["DNS Write"], resourceGroups: ["production zones"] }], members }],
});

beforeAll(async () => {
  writeFileSync(accessFile, yaml.dump(spec([ada])));
  stack = new PulumiWorkspace(join(__dirname, "fixtures/access-policy"), "read-only", { PULUMI_SKIP_CHECKPOINTS: "true" });
  await stack.initFor(emulator(), { accessFile });
  await stack.ok(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
  // The pull request adds a member; the preview job's stack holds the read-only token.
  writeFileSync(accessFile, yaml.dump(spec([ada, alan])));
  await stack.setSecret("cloudflare-iam:apiToken", READ_ONLY);
});
afterAll(() => stack?.run(["stack", "rm", "--yes", "--force", stack.stack]));

it("previews and reviews the change with the read-only token, and writes nothing", async () => {
  await resetStats(emulator());
  const previewFile = join(work, "preview.json");
  writeFileSync(previewFile, await stack.ok(["preview", "--json", "--stack", stack.stack]));
  const changed = join(work, "changed.txt");
  writeFileSync(changed, "access.yaml\n");
  const comment = join(work, "comment.md");
  const env = { ...process.env, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: READ_ONLY };
  const run = await cloudflareIam(["review", previewFile, "--changed-files", changed, "--comment", comment, "--fail-on", "risk"], env);
  expect([run.code, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain(`+ ${alan} gains DNS Write on "production zones" (via SRE)`);
  expect(readFileSync(comment, "utf8")).toBe(run.stdout);
  const seen = await stats(emulator());
  expect(writeCount(seen)).toBe(0);
  expect(seen.byMethod.GET).toBeGreaterThan(0);
});

it("refuses pulumi up with the read-only token: 403 and code 10000 in its output", async () => {
  const up = await stack.run(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
  expect(up.code).not.toBe(0);
  expect(`${up.stdout}\n${up.stderr}`).toMatch(/failed with HTTP 403: \[10000\] Authentication error/);
});
