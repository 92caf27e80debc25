/**
 * The GitOps workflow with the real CLI: a messy hand-made account, `cloudflare-iam generate`,
 * a first `up` that adopts everything and writes nothing, then a reviewed edit of the access file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { allAccountMembersWithGrants } from "../../account/account-members";
import { accountMembers } from "../../emulator";
import { clientFor } from "../../provider/runtime";
import type { AccessSpecInput } from "../../sdk";
import { cloudflareIamOk } from "../support/cli";
import { admin, resetStats, stats, useEmulator, writeCount } from "../support/emulator";
import { api, untilMembersVisible } from "../support/provider";
import { PulumiWorkspace, previewChanges } from "../support/pulumi";

jest.setTimeout(300_000);

const emulator = useEmulator();
const work = mkdtempSync(join(tmpdir(), "gitops-"));
const accessFile = join(work, "access.yaml");
const [zoneRead, dnsWrite] = ["c8fed203ed3043cba015a93ad1616f1f", "1a634cc70d087bac844635b4c98eb35b"];
let systemGroupId: string;
let scimGroupId: string;

/** Runs `cloudflare-iam generate`; resolves to what it told the user (stderr). */
async function generate(format: string, out: string): Promise<string> {
  const env = { ...process.env, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token };
  return (await cloudflareIamOk(["generate", "--account", emulator().accountId, "--format", format, "--out", out], env)).stderr;
}

async function stackFor(program: string, name: string, config: Record<string, string> = {}): Promise<PulumiWorkspace> {
  const workspace = new PulumiWorkspace(join(__dirname, "fixtures", program), name);
  await workspace.initFor(emulator(), config);
  return workspace;
}

/** Everything the account holds but Cloudflare's own system groups: the ids a state must end up with. */
async function accountIds(): Promise<string[]> {
  const state = await admin<Record<string, Record<string, unknown>>>(emulator(), "GET", "/state");
  return (["resourceGroups", "userGroups", "ssoConnectors", "oauthClients"] as const)
    .flatMap((kind) => Object.keys(state[kind]))
    .filter((id) => id !== systemGroupId)
    .sort();
}

/**
 * The members holding roles or policies of their own: the ones the TypeScript program writes as
 * AccountMember, but for one holding a policy with an inline scope, which it cannot state (fact 61).
 */
async function directHolderIds(): Promise<string[]> {
  const members = await allAccountMembersWithGrants(clientFor({ baseUrl: emulator().baseUrl, token: emulator().token }), emulator().accountId);
  return members.filter((m) => (m.roles.length || m.policies.length) && m.policies.every((p) => !p.scopes?.length)).map((m) => m.id);
}

/** The ids the stack's resources manage (UserGroupMembers share their group's id). */
async function stateIds(workspace: PulumiWorkspace): Promise<string[]> {
  const exported = JSON.parse(await workspace.ok(["stack", "export", "--stack", workspace.stack]));
  const ids = exported.deployment.resources.filter((r: { type: string }) => r.type.startsWith("pulumi-nodejs:dynamic/cloudflare-iam:")).map((r: { id: string }) => r.id);
  return [...new Set<string>(ids)].sort();
}

beforeAll(async () => {
  // A messy account, made by hand: overlapping policies, a big group, an SSO connector, an OAuth client.
  const call = api(emulator());
  const scope = (zone: string) => ({ key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: `com.cloudflare.api.account.zone.${zone}` }] });
  const prod = await call<{ id: string }>("POST", "/iam/resource_groups", { name: "prod zones", scope: scope("prod") });
  const staging = await call<{ id: string }>("POST", "/iam/resource_groups", { name: "staging zones", scope: scope("staging") });
  const policy = (access: string, permissions: string[], groups: string[]) => ({
    access,
    permission_groups: permissions.map((id) => ({ id })),
    resource_groups: groups.map((id) => ({ id })),
  });
  // fact 9: Cloudflare's own group for the whole account, referenced but never managed.
  const groups = await call<{ id: string; name: string }[]>("GET", "/iam/resource_groups");
  systemGroupId = groups.find((g) => g.name === `com.cloudflare.api.account.${emulator().accountId}`)!.id;
  const sre = await call<{ id: string }>("POST", "/iam/user_groups", {
    name: "SRE",
    policies: [policy("allow", [dnsWrite, zoneRead], [prod.id, staging.id]), policy("allow", [dnsWrite], [staging.id])],
  });
  const everyone = await call<{ id: string }>("POST", "/iam/user_groups", {
    name: "Everyone",
    policies: [policy("allow", [zoneRead], [prod.id]), policy("allow", [zoneRead], [systemGroupId])],
  });
  await call<{ id: string }>("POST", "/iam/user_groups", { name: "Empty", policies: [] });
  // fact 24: a policy made in the dashboard with its scope inline.
  await call("POST", "/iam/user_groups", {
    name: "Inline",
    policies: [{ access: "allow", permission_groups: [{ id: zoneRead }], resource_groups: [{ scope: scope("inline") }] }],
  });
  // fact 39: a group an identity provider pushed, with members it manages.
  scimGroupId = (await call<{ id: string }>("POST", "/iam/user_groups", { name: "From Okta" })).id;
  for (const group of [sre.id, everyone.id, scimGroupId]) await untilMembersVisible(emulator(), group);
  await call(
    "PUT",
    `/iam/user_groups/${scimGroupId}/members`,
    accountMembers.slice(5, 7).map(({ id }) => ({ id })),
  );
  await admin(emulator(), "PUT", `/user_groups/${scimGroupId}/scim`, { externalId: "okta-group-1" });
  await call(
    "PUT",
    `/iam/user_groups/${sre.id}/members`,
    accountMembers.slice(0, 3).map(({ id }) => ({ id })),
  );
  await call(
    "PUT",
    `/iam/user_groups/${everyone.id}/members`,
    accountMembers.slice(0, 55).map(({ id }) => ({ id })),
  );
  await call("POST", "/sso_connectors", { email_domain: "corp.example.com", begin_verification: true });
  await call("POST", "/oauth_clients", {
    client_name: "Grafana",
    grant_types: ["authorization_code", "refresh_token"],
    redirect_uris: ["https://grafana.example.com/login/generic_oauth"],
    response_types: ["code", "id_token"],
    scopes: ["analytics.read", "openid"],
    token_endpoint_auth_method: "client_secret_post",
    logo_uri: "https://grafana.example.com/logo.png",
  });
});

describe("access file", () => {
  let stack: PulumiWorkspace;

  it("is generated for the whole account, naming groups, permissions and members", async () => {
    const notes = await generate("access", accessFile);
    const text = readFileSync(accessFile, "utf8");
    const spec = yaml.load(text) as AccessSpecInput;
    // fact 9: the system group is skipped, said so, and still referenced by id.
    expect(spec.resourceGroups!.map((g) => g.name).sort()).toEqual(["prod zones", "staging zones"]);
    expect(notes).toContain(`skipped resource group "com.cloudflare.api.account.${emulator().accountId}" (${systemGroupId}): a predefined system resource group`);
    expect(text).toContain(`# skipped resource group`);
    expect(spec.userGroups!.find((g) => g.name === "Everyone")!.policies!.flatMap((p) => p.resourceGroups)).toContain(systemGroupId);
    // fact 24: the inline scope comes through as a scope.
    expect(spec.userGroups!.find((g) => g.name === "Inline")!.policies).toEqual([
      { access: "allow", permissionGroups: ["Zone Read"], resourceGroups: [], scopes: [{ objects: ["com.cloudflare.api.account.zone.inline"] }] },
    ]);
    // fact 39: the SCIM group is marked, its members left to the identity provider.
    const okta = spec.userGroups!.find((g) => g.name === "From Okta")!;
    expect(okta).toMatchObject({ scim: true, adoptId: scimGroupId });
    expect(okta).not.toHaveProperty("members");
    expect(notes).toContain(`user group "From Okta" (${scimGroupId}) is managed by SCIM`);
    const sre = spec.userGroups!.find((g) => g.name === "SRE")!;
    expect(sre.policies!.flatMap((p) => p.permissionGroups).sort()).toEqual(["DNS Write", "DNS Write", "Zone Read"]);
    expect(sre.members).toEqual(
      accountMembers
        .slice(0, 3)
        .map((m) => m.email)
        .sort(),
    );
    expect(spec.ssoConnectors!.map((c) => c.emailDomain)).toEqual(["corp.example.com"]);
    expect(spec.oauthClients!.map((c) => c.clientName)).toEqual(["Grafana"]);
  });

  it("first up adopts everything: no API write, every object in state", async () => {
    stack = await stackFor("access-policy", "gitops", { accessFile });
    await resetStats(emulator());
    await stack.ok(["up", "--yes", "--skip-preview", "--stack", "gitops"]);
    expect(writeCount(await stats(emulator()))).toBe(0);
    expect(await stateIds(stack)).toEqual(await accountIds());
    expect((await stack.run(["preview", "--expect-no-changes", "--stack", "gitops"])).code).toBe(0);
  });

  it("a reviewed edit (a member, a policy by permission-group name) previews as exactly those two changes", async () => {
    const spec = yaml.load(readFileSync(accessFile, "utf8")) as AccessSpecInput;
    const sre = spec.userGroups!.find((g) => g.name === "SRE")!;
    sre.members!.push(accountMembers[10].email);
    sre.policies!.push({ access: "allow", permissionGroups: ["Billing Read"], resourceGroups: ["prod zones"] });
    writeFileSync(accessFile, yaml.dump(spec));

    const changes = previewChanges(await stack.ok(["preview", "--json", "--stack", "gitops"]));
    expect(changes).toEqual(
      expect.arrayContaining([
        { op: "update", name: "account/user-group/sre" },
        { op: "update", name: "account/members/sre" },
      ]),
    );
    expect(changes).toHaveLength(2);

    await stack.ok(["up", "--yes", "--skip-preview", "--stack", "gitops"]);
    const state = await admin<{ userGroups: Record<string, { name: string; policies: unknown[]; members: Record<string, string> }> }>(emulator(), "GET", "/state");
    const group = Object.values(state.userGroups).find((g) => g.name === "SRE")!;
    expect(group.policies).toHaveLength(3);
    expect(Object.keys(group.members)).toContain(accountMembers[10].id);
  });

  it("a bad entry fails at preview, naming the file, the entry and the problem, with no write", async () => {
    const spec = yaml.load(readFileSync(accessFile, "utf8")) as AccessSpecInput;
    spec.userGroups!.find((g) => g.name === "SRE")!.policies!.push({ access: "allow", permissionGroups: ["DNS Writer"], resourceGroups: ["prod zones"] });
    spec.userGroups!.find((g) => g.name === "Empty")!.members = ["stranger@example.org"];
    const bad = join(work, "bad.yaml");
    writeFileSync(bad, yaml.dump(spec));
    await stack.ok(["config", "set", "accessFile", bad, "--stack", "gitops"]);
    await resetStats(emulator());
    const preview = await stack.run(["preview", "--stack", "gitops"]);
    expect(preview.code).not.toBe(0);
    const output = preview.stdout + preview.stderr;
    expect(output).toContain(`${bad}: 2 problems`);
    expect(output).toMatch(/userGroups\[\d\] "SRE"\.policies\[\d\]: unknown permission group "DNS Writer"/);
    expect(output).toMatch(/userGroups\[\d\] "Empty"\.members: "stranger@example\.org" is not a member of the account/);
    expect(writeCount(await stats(emulator()))).toBe(0);
    await stack.ok(["config", "set", "accessFile", accessFile, "--stack", "gitops"]);
  });

  afterAll(async () => {
    await stack?.run(["stack", "rm", "--yes", "--force", "gitops"]);
  });
});

it("the TypeScript program it generates also adopts everything, members holding roles or policies included, with no write", async () => {
  const program = join(__dirname, "fixtures/generated-program/index.ts");
  await generate("typescript", program);
  const stack = await stackFor("generated-program", "generated");
  try {
    await resetStats(emulator());
    await stack.ok(["up", "--yes", "--skip-preview", "--stack", "generated"]);
    expect(writeCount(await stats(emulator()))).toBe(0);
    expect(await stateIds(stack)).toEqual([...(await accountIds()), ...(await directHolderIds())].sort());
  } finally {
    await stack.run(["stack", "rm", "--yes", "--force", "generated"]);
  }
});
