/**
 * The whole lifecycle under the real `pulumi` CLI, against the emulator, for one stack holding
 * every resource type (fixtures/lifecycle). The tests run in order and share the stack.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { accountMembers } from "../../emulator";
import { admin, resetStats, stats, useEmulator, writeCount } from "../support/emulator";
import { api, makeByHand } from "../support/provider";
import { previewChanges, PulumiWorkspace, refreshChanges } from "../support/pulumi";

jest.setTimeout(300_000);

const emulator = useEmulator();
const fixture = join(__dirname, "fixtures/lifecycle");
const memberIds = accountMembers.slice(0, 4).map((m) => m.id);
let stack: PulumiWorkspace;
let initialAccount: unknown;
let outputs: Record<string, string>;

interface Account {
  resourceGroups: Record<string, { name: string; scope: { objects: { key: string }[] } }>;
  userGroups: Record<string, { name: string; policies: unknown[]; members: Record<string, string> }>;
  ssoConnectors: Record<string, { email_domain: string; use_fedramp_language: boolean }>;
  oauthClients: Record<string, { client_name: string; scopes: string[]; secret: string }>;
}

const account = () => admin<Account>(emulator(), "GET", "/state");

async function newStack(name: string, config: Record<string, string>): Promise<PulumiWorkspace> {
  const workspace = new PulumiWorkspace(fixture, name);
  await workspace.initFor(emulator(), { memberIds: JSON.stringify(memberIds), ...config });
  return workspace;
}

/** Asserts the account holds exactly what the base variant of the program declares. */
async function expectAccountMatchesProgram(): Promise<void> {
  const state = await account();
  const groups = Object.values(state.userGroups);
  expect(Object.values(state.resourceGroups).map((g) => [g.name, g.scope.objects.length])).toEqual([["e2e zones", 2]]);
  expect(groups.map((g) => g.name).sort()).toEqual(["e2e shared", "e2e team"]);
  const team = groups.find((g) => g.name === "e2e team")!;
  expect(team.policies).toHaveLength(2);
  expect(Object.keys(team.members).sort()).toEqual([...memberIds].sort());
  expect(Object.keys(groups.find((g) => g.name === "e2e shared")!.members)).toEqual([memberIds[0]]);
  expect(Object.values(state.ssoConnectors).map((c) => [c.email_domain, c.use_fedramp_language])).toEqual([["e2e.example.com", false]]);
  expect(Object.values(state.oauthClients).map((c) => [c.client_name, c.scopes])).toEqual([
    ["e2e client", ["offline_access", "zone.dns.write", "zone.read"]],
  ]);
}

async function refreshed(): Promise<ReturnType<typeof refreshChanges>> {
  return refreshChanges(await stack.ok(["refresh", "--yes", "--skip-preview", "--diff", "--stack", stack.stack]));
}

async function up(): Promise<string> {
  return stack.ok(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
}

async function setVariant(variant: string): Promise<void> {
  await stack.ok(["config", "set", "variant", variant, "--stack", stack.stack]);
}

afterAll(async () => {
  await stack?.run(["stack", "rm", "--yes", "--force", stack.stack]);
});

it("1. up creates every object, and the account holds exactly what the program declares", async () => {
  initialAccount = await account();
  stack = await newStack("lifecycle", {});
  expect(await up()).toMatch(/\+ 8 created/);
  await expectAccountMatchesProgram();
  outputs = await stack.outputs() as Record<string, string>;
});

it("2. a second preview reports no changes and sends zero write requests", async () => {
  await resetStats(emulator());
  const preview = await stack.run(["preview", "--expect-no-changes", "--stack", stack.stack]);
  expect(preview.code).toBe(0);
  const snapshot = await stats(emulator());
  expect(writeCount(snapshot)).toBe(0);
  expect(snapshot.total).toBeGreaterThan(0); // the permission-group lookups did run
});

describe("3. an out-of-band edit of each resource type shows as an update of exactly that resource", () => {
  const call = () => api(emulator());
  const edits: [string, string, () => Promise<unknown>][] = [
    ["ResourceGroup", "zones", () => call()("PUT", `/iam/resource_groups/${outputs.resourceGroupId}`, { name: "renamed by hand" })],
    ["UserGroup", "team", () => call()("PUT", `/iam/user_groups/${outputs.userGroupId}`, { name: "renamed by hand" })],
    ["UserGroupMembers", "team-members", () => call()("DELETE", `/iam/user_groups/${outputs.userGroupId}/members/${memberIds[2]}`)],
    ["SSOConnector", "sso", () => call()("PATCH", `/sso_connectors/${outputs.ssoConnectorId}`, { use_fedramp_language: true })],
    ["OAuthClient", "client", () => call()("PATCH", `/oauth_clients/${outputs.oauthClientId}`, { client_name: "renamed by hand" })],
  ];

  it.each(edits)("%s", async (_, name, edit) => {
    await edit();
    expect(await refreshed()).toEqual([{ op: "update", name }]);
    await up();
    await expectAccountMatchesProgram();
  });

  it("UserGroupMember: a membership removed by hand shows as deleted, and up adds it back", async () => {
    await call()("DELETE", `/iam/user_groups/${outputs.sharedGroupId}/members/${memberIds[0]}`);
    expect(await refreshed()).toEqual([{ op: "delete", name: "shared-member" }]);
    expect(await up()).toMatch(/\+ 1 created/);
    await expectAccountMatchesProgram();
  });

  it("an out-of-band delete shows as deleted in refresh, and up recreates it", async () => {
    await call()("DELETE", `/sso_connectors/${outputs.ssoConnectorId}`);
    expect(await refreshed()).toEqual([{ op: "delete", name: "sso" }]);
    expect(await up()).toMatch(/\+ 1 created/);
    await expectAccountMatchesProgram();
    outputs = (await stack.outputs()) as Record<string, string>;
  });
});

it("4. preview --refresh --expect-no-changes fails on drift and passes without", async () => {
  const check = ["preview", "--refresh", "--expect-no-changes", "--stack", stack.stack];
  expect((await stack.run(check)).code).toBe(0);
  await api(emulator())("PUT", `/iam/user_groups/${outputs.userGroupId}`, { name: "drifted" });
  expect((await stack.run(check)).code).not.toBe(0);
  // A plain `up` trusts the state; `up --refresh` reads the account first, then repairs it.
  await stack.ok(["up", "--refresh", "--yes", "--skip-preview", "--stack", stack.stack]);
  expect((await stack.run(check)).code).toBe(0);
});

describe("5. preview classifies changes", () => {
  const preview = async () => previewChanges(await stack.ok(["preview", "--json", "--stack", stack.stack]));
  afterAll(() => setVariant("base"));

  it("reordering every list in the program is no change", async () => {
    await setVariant("reordered");
    expect(await preview()).toEqual([]);
  });

  it("a new name is an update of that resource only", async () => {
    await setVariant("renamed");
    expect(await preview()).toEqual([{ op: "update", name: "team" }]);
  });

  it("a new SSO email domain is a replacement", async () => {
    await setVariant("replaced");
    const steps = await preview();
    expect(steps.map((s) => s.name)).toEqual(expect.arrayContaining(["sso"]));
    expect(steps.every((s) => s.name === "sso")).toBe(true);
    expect(steps.map((s) => s.op)).toContain("replace");
  });
});

it("7. stack export holds no API token, and the OAuth secret only as a Pulumi secret", async () => {
  const exported = await stack.ok(["stack", "export", "--stack", stack.stack]);
  const secret = outputs.oauthClientSecret;
  expect(secret).toMatch(/^cfoauth_/);
  expect(exported).not.toContain(emulator().token);
  expect(exported).not.toContain(secret);
  const client = JSON.parse(exported).deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::client"));
  // Pulumi's marker for a secret value, with only ciphertext inside.
  expect(client.outputs.clientSecret).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
  const files = stack.backendTexts();
  expect(files.some((text) => text.includes(emulator().token) || text.includes(secret))).toBe(false);
});

it("9. refresh and destroy work when the provider code in state is an older version", async () => {
  // State written by an older release holds that release's serialized provider. Rewrite every
  // __provider to a different (older-style) shim: it still loads today's installed package.
  const exported = JSON.parse(await stack.ok(["stack", "export", "--stack", stack.stack]));
  let rewritten = 0;
  for (const resource of exported.deployment.resources) {
    for (const props of [resource.inputs, resource.outputs]) {
      if (props?.__provider) {
        const kind = /kind: "(\w+)"/.exec(props.__provider)![1];
        props.__provider = olderShim(kind);
        rewritten++;
      }
    }
  }
  expect(rewritten).toBe(14);
  const file = join(stack.backendDir, "old-provider-state.json");
  writeFileSync(file, JSON.stringify(exported));
  await stack.ok(["stack", "import", "--file", file, "--stack", stack.stack]);
  await api(emulator())("PUT", `/iam/resource_groups/${outputs.resourceGroupId}`, { name: "renamed under old state" });
  expect(await refreshed()).toEqual([{ op: "update", name: "zones" }]);
});

it("8. destroy leaves the account as it was before up", async () => {
  expect(await stack.ok(["destroy", "--yes", "--skip-preview", "--stack", stack.stack])).toMatch(/- 8 deleted/);
  expect(await account()).toEqual(initialAccount);
});

it("6. objects made directly in the account are adopted, with no duplicates", async () => {
  const adopt = await makeByHand(emulator(), {
    name: "made by hand",
    zone: "aaa",
    emailDomain: "e2e.example.com",
    redirectUri: "https://e2e.example.com/a",
    authMethod: "none",
  });
  const adopting = await newStack("adoption", { adopt: JSON.stringify(adopt) });
  try {
    await resetStats(emulator());
    await adopting.ok(["up", "--yes", "--skip-preview", "--stack", "adoption"]);
    const created = (await stats(emulator())).byRoute;
    expect(created["POST /accounts/:account_id/iam/resource_groups"]).toBeUndefined();
    expect(created["POST /accounts/:account_id/sso_connectors"]).toBeUndefined();
    expect(created["POST /accounts/:account_id/oauth_clients"]).toBeUndefined();
    expect(created["POST /accounts/:account_id/iam/user_groups"]).toBe(1); // the "shared" group, not adopted
    await expectAccountMatchesProgram();
    const state = await account();
    expect(Object.keys(state.resourceGroups)).toEqual([adopt.resourceGroupId]);
    expect(Object.keys(state.ssoConnectors)).toEqual([adopt.ssoConnectorId]);
    expect(Object.keys(state.oauthClients)).toEqual([adopt.oauthClientId]);
    expect(Object.keys(state.userGroups)).toContain(adopt.userGroupId);
    expect((await adopting.run(["preview", "--expect-no-changes", "--stack", "adoption"])).code).toBe(0);
    await adopting.ok(["destroy", "--yes", "--skip-preview", "--stack", "adoption"]);
    expect(await account()).toEqual(initialAccount);
  } finally {
    await adopting.run(["stack", "rm", "--yes", "--force", "adoption"]);
  }
});

/** A provider as an older release might have serialized it: different text, same contract. */
function olderShim(kind: string): string {
  return `exports.handler = __f0;
// serialized by pulumi-cloudflare-iam 0.0.1
function __f0() {
  const pkg = () => require("pulumi-cloudflare-iam/provider");
  return {
    configure: (req) => pkg().configure(req.config),
    check: (olds, news) => pkg().providers.${kind}.check(olds, news),
    diff: (id, olds, news) => pkg().providers.${kind}.diff(id, olds, news),
    create: (inputs) => pkg().providers.${kind}.create(inputs),
    read: (id, props) => pkg().providers.${kind}.read(id, props),
    update: (id, olds, news) => pkg().providers.${kind}.update(id, olds, news),
    delete: (id, props) => pkg().providers.${kind}.delete(id, props),
  };
}
`;
}
