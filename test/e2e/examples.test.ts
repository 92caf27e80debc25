/** The examples that need only this package, run with the real CLI against the emulator. */
import { join } from "node:path";
import { accountMembers } from "../../emulator";
import { madeObjectIds, resetStats, stats, useEmulator } from "../support/emulator";
import { type Account, accountOf } from "../support/lifecycle";
import { makeByHand } from "../support/provider";
import { PROJECT_ROOT, PulumiWorkspace } from "../support/pulumi";

jest.setTimeout(240_000);

const emulator = useEmulator();

const account = () => accountOf(emulator());
const isEmpty = (a: Account) => madeObjectIds(a).length === 0;

async function exampleStack(example: string, config: Record<string, string> = {}): Promise<PulumiWorkspace> {
  const workspace = new PulumiWorkspace(join(PROJECT_ROOT, "examples", example), "test");
  await workspace.initFor(emulator(), config);
  return workspace;
}

async function finish(workspace: PulumiWorkspace): Promise<void> {
  await workspace.ok(["destroy", "--yes", "--skip-preview", "--stack", "test"]);
  await workspace.ok(["stack", "rm", "--yes", "test"]);
  expect(isEmpty(await account())).toBe(true);
}

const up = (workspace: PulumiWorkspace) => workspace.ok(["up", "--yes", "--skip-preview", "--stack", "test"]);
const setConfig = (workspace: PulumiWorkspace, key: string, value: string) => workspace.ok(["config", "set", key, value, "--stack", "test"]);

it("quickstart: a group with a policy and members, stable on a second preview", async () => {
  const members = accountMembers.slice(5, 8).map((m) => m.id);
  const stack = await exampleStack("quickstart", { memberIds: JSON.stringify(members) });
  await up(stack);
  const [group] = Object.values((await account()).userGroups);
  expect(group.name).toBe("SRE");
  expect(group.policies).toHaveLength(1);
  expect(Object.keys(group.members).sort()).toEqual([...members].sort());
  expect((await stack.run(["preview", "--expect-no-changes", "--stack", "test"])).code).toBe(0);
  await finish(stack);
});

it("oauth-client-rotation: rotate, move, retire, with the guard rails at preview", async () => {
  const stack = await exampleStack("oauth-client-rotation");
  await up(stack);
  const first = await stack.outputs();

  await setConfig(stack, "secretVersion", "1");
  await up(stack);
  const second = await stack.outputs();
  expect(second.clientSecret).not.toBe(first.clientSecret);
  expect(second.previousSecretStillValid).toBe(true);
  const server = (await account()).oauthClients[second.clientId as string];
  expect([server.secret, server.rotated_secret]).toEqual([second.clientSecret, first.clientSecret]);

  await setConfig(stack, "secretVersion", "2");
  const tooSoon = await stack.run(["preview", "--stack", "test"]);
  expect(tooSoon.code).not.toBe(0);
  expect(tooSoon.stdout + tooSoon.stderr).toMatch(/set deleteRotatedSecret: true/);

  await setConfig(stack, "secretVersion", "1");
  await setConfig(stack, "deleteRotatedSecret", "true");
  await up(stack);
  expect((await stack.outputs()).previousSecretStillValid).toBe(false);
  expect((await account()).oauthClients[second.clientId as string].rotated_secret).toBeUndefined();

  await setConfig(stack, "secretVersion", "2");
  expect((await stack.run(["preview", "--stack", "test"])).code).not.toBe(0);
  await setConfig(stack, "deleteRotatedSecret", "false");
  await up(stack);
  expect((await stack.outputs()).previousSecretStillValid).toBe(true);
  await finish(stack);
});

it("adopt-existing: takes over hand-made objects without creating any", async () => {
  const adopt = await makeByHand(emulator(), {
    name: "internal app",
    zone: "*",
    emailDomain: "corp.example.com",
    redirectUri: "https://app.example.com/callback",
    authMethod: "client_secret_post",
  });
  const stack = await exampleStack("adopt-existing", { adopt: JSON.stringify(adopt) });
  await resetStats(emulator());
  await up(stack);
  const writes = Object.keys((await stats(emulator())).byRoute).filter((route) => route.startsWith("POST"));
  expect(writes).toEqual([]);
  const state = await account();
  expect(Object.keys(state.userGroups)).toEqual([adopt.userGroupId]);
  expect(state.userGroups[adopt.userGroupId].name).toBe("Read-only");
  expect((await stack.run(["preview", "--expect-no-changes", "--stack", "test"])).code).toBe(0);
  await finish(stack);
});

it("gitops: the sample access file deploys, then previews clean", async () => {
  const stack = await exampleStack("gitops");
  await up(stack);
  const groups = Object.values((await account()).userGroups).map((g) => [g.name, Object.keys(g.members).length]);
  expect(groups.sort()).toEqual([
    ["Developers", 1],
    ["SRE", 2],
  ]);
  expect((await stack.run(["preview", "--expect-no-changes", "--stack", "test"])).code).toBe(0);
  await finish(stack);
});
