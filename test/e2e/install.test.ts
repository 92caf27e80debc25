/**
 * A new user's install: the packed tarball, in a fresh project outside this repository, next to
 * the newest @pulumi/pulumi 3.x the registry serves, configured as a stack that also uses
 * @pulumi/cloudflare would be (only `cloudflare:apiToken` and `cloudflare:baseUrl` under
 * `cloudflare:`), through up, a no-op preview, refresh and destroy against the emulator.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { accountMembers } from "../../emulator";
import { admin, madeObjectIds, useEmulator } from "../support/emulator";
import { exec, packPackage, toolsEnv } from "../support/package";
import { PROJECT_ROOT, PulumiWorkspace } from "../support/pulumi";

jest.setTimeout(600_000);

const emulator = useEmulator();
const project = mkdtempSync(join(tmpdir(), "fresh-project-"));
let newestPulumi: string;

const program = `const iam = require("pulumi-cloudflare-iam");
const zones = new iam.ResourceGroup("zones", { name: "installed zones", scope: { objects: [{ key: "com.cloudflare.api.account.zone.abc" }] } });
const dns = iam.getPermissionGroupOutput({ name: "DNS Write" }).id;
const team = new iam.UserGroup("team", { name: "installed team", policies: [{ access: "allow", permissionGroups: [dns], resourceGroups: [zones.id] }] });
const members = new iam.UserGroupMembers("members", { userGroupId: team.id, memberIds: JSON.parse(process.env.MEMBER_IDS) });
const sso = new iam.SSOConnector("sso", { emailDomain: "installed.example.com" });
const client = new iam.OAuthClient("client", {
  clientName: "installed client",
  grantTypes: ["authorization_code"],
  redirectUris: ["https://installed.example.com/cb"],
  responseTypes: ["code"],
  scopes: ["zone.read"],
  tokenEndpointAuthMethod: "client_secret_basic",
});
module.exports = { groupId: team.id, emails: members.members.apply((m) => m.map((x) => x.email)), ssoCode: sso.verificationCode, clientId: client.clientId };
`;

/** Every installed copy of a package, by the path of its package.json. */
function installedCopies(root: string, name: string): { path: string; version: string }[] {
  const found: { path: string; version: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (!statSync(path).isDirectory()) continue;
      if (entry === "node_modules") {
        const manifest = join(path, name, "package.json");
        try {
          found.push({ path: relative(root, manifest), version: JSON.parse(readFileSync(manifest, "utf8")).version });
        } catch {
          // not installed at this level
        }
      }
      walk(path);
    }
  };
  walk(root);
  return found;
}

beforeAll(async () => {
  const { tarball } = await packPackage();
  const versions = JSON.parse((await exec("npm", ["view", "@pulumi/pulumi@^3", "version", "--json"], { env: toolsEnv() })).stdout) as string[];
  // npm lists versions in publication order, not semver order: take the highest release.
  const numeric = (v: string) => v.split(".").map(Number);
  const releases = versions.filter((v) => /^\d+\.\d+\.\d+$/.test(v));
  newestPulumi = releases.sort((a, b) => numeric(a)[1] - numeric(b)[1] || numeric(a)[2] - numeric(b)[2]).at(-1)!;
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "fresh-project", private: true, dependencies: { "@pulumi/pulumi": newestPulumi, "pulumi-cloudflare-iam": `file:${tarball}` } }, null, 2),
  );
  writeFileSync(join(project, "Pulumi.yaml"), "name: fresh-project\nruntime: nodejs\nmain: index.js\n");
  writeFileSync(join(project, "index.js"), program);
  await exec("npm", ["install", "--no-audit", "--no-fund"], { cwd: project, env: toolsEnv(), maxBuffer: 64 << 20 });
});

it("the fresh project is outside this repository, and holds one @pulumi/pulumi: the newest 3.x", () => {
  expect(relative(PROJECT_ROOT, project).startsWith("..")).toBe(true);
  expect(installedCopies(project, "@pulumi/pulumi")).toEqual([{ path: "node_modules/@pulumi/pulumi/package.json", version: newestPulumi }]);
});

it("a stack configured beside @pulumi/cloudflare goes through up, a no-op preview, refresh and destroy", async () => {
  const stack = new PulumiWorkspace(project, "fresh", { MEMBER_IDS: JSON.stringify(accountMembers.slice(0, 2).map((m) => m.id)) });
  await stack.init({ "cloudflare:baseUrl": emulator().baseUrl, "cloudflare-iam:accountId": emulator().accountId });
  await stack.setSecret("cloudflare:apiToken", emulator().token);
  try {
    const config = JSON.parse(await stack.ok(["config", "--json", "--stack", "fresh"])) as Record<string, unknown>;
    expect(
      Object.keys(config)
        .filter((key) => key.startsWith("cloudflare:"))
        .sort(),
    ).toEqual(["cloudflare:apiToken", "cloudflare:baseUrl"]);

    expect(await stack.ok(["up", "--yes", "--skip-preview", "--stack", "fresh"])).toMatch(/\+ 6 created/);
    expect((await stack.run(["preview", "--expect-no-changes", "--stack", "fresh"])).code).toBe(0);
    expect(await stack.ok(["refresh", "--yes", "--skip-preview", "--diff", "--stack", "fresh"])).not.toMatch(/~ \S+: \(update\)/);
    await stack.ok(["destroy", "--yes", "--skip-preview", "--stack", "fresh"]);
    expect(madeObjectIds(await admin(emulator(), "GET", "/state"))).toEqual([]);
  } finally {
    await stack.run(["stack", "rm", "--yes", "--force", "fresh"]);
  }
});

it("the deprecated cloudflare:accountId still works, with a one-line warning naming the key to use", async () => {
  const stack = new PulumiWorkspace(project, "legacy", { MEMBER_IDS: "[]" });
  await stack.init({ "cloudflare:baseUrl": emulator().baseUrl, "cloudflare:accountId": emulator().accountId });
  await stack.setSecret("cloudflare:apiToken", emulator().token);
  try {
    const preview = JSON.parse(await stack.ok(["preview", "--json", "--stack", "legacy"])) as {
      steps: { op: string }[];
      diagnostics: { severity: string; message: string }[];
    };
    expect(preview.steps.filter((s) => s.op === "create")).toHaveLength(6);
    const warnings = preview.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message.trim());
    expect(warnings).toEqual([expect.stringContaining("cloudflare:accountId is deprecated")]);
    expect(warnings[0].split("\n")).toHaveLength(1);
    expect(warnings[0]).toContain("pulumi config set cloudflare-iam:accountId");
  } finally {
    await stack.run(["stack", "rm", "--yes", "--force", "legacy"]);
  }
});
