/**
 * Dashboard edits, one resource type at a time, under the real CLI: each shows in `refresh` as
 * an update (or a delete) of exactly that resource, and `up` puts the account back.
 */
import { useEmulator } from "../../support/emulator";
import { accountOf, expectAccountMatchesProgram, LifecycleStack, memberIds } from "../../support/lifecycle";
import { api } from "../../support/provider";

jest.setTimeout(300_000);

const emulator = useEmulator();
let stack: LifecycleStack;
let ids: Record<string, string>;
const call = () => api(emulator());

beforeAll(async () => {
  stack = await new LifecycleStack(emulator(), "drift", { PULUMI_SKIP_CHECKPOINTS: "true" }).create();
  await stack.up();
  ids = await stack.ids();
});
afterAll(() => stack?.remove());

async function expectRepaired(): Promise<void> {
  await stack.up();
  expectAccountMatchesProgram(await accountOf(emulator()));
}

const edits: [string, string, () => Promise<unknown>][] = [
  ["ResourceGroup", "zones", () => call()("PUT", `/iam/resource_groups/${ids.resourceGroupId}`, { name: "renamed by hand" })],
  ["UserGroup", "team", () => call()("PUT", `/iam/user_groups/${ids.userGroupId}`, { name: "renamed by hand" })],
  ["UserGroupMembers", "team-members", () => call()("DELETE", `/iam/user_groups/${ids.userGroupId}/members/${memberIds[2]}`)],
  ["SSOConnector", "sso", () => call()("PATCH", `/sso_connectors/${ids.ssoConnectorId}`, { use_fedramp_language: true })],
  ["OAuthClient", "client", () => call()("PATCH", `/oauth_clients/${ids.oauthClientId}`, { client_name: "renamed by hand" })],
];

it.each(edits)("an edit of the %s shows as an update of exactly that resource, and up undoes it", async (_, name, edit) => {
  await edit();
  expect(await stack.refreshed()).toEqual([{ op: "update", name }]);
  await expectRepaired();
});

it("fact 24: a policy rewritten in the dashboard with an inline scope shows as drift of the group", async () => {
  const group = await call()<{ policies: { permission_groups: { id: string }[] }[] }>("GET", `/iam/user_groups/${ids.userGroupId}`);
  const scope = { key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: "*" }] };
  await call()("PUT", `/iam/user_groups/${ids.userGroupId}`, {
    policies: group.policies.map((p) => ({ access: "allow", permission_groups: p.permission_groups.map(({ id }) => ({ id })), resource_groups: [{ scope }] })),
  });
  expect(await stack.refreshed()).toEqual([{ op: "update", name: "team" }]);
  await expectRepaired();
});

it("UserGroupMember: a membership removed by hand shows as deleted, and up adds it back", async () => {
  await call()("DELETE", `/iam/user_groups/${ids.sharedGroupId}/members/${memberIds[0]}`);
  expect(await stack.refreshed()).toEqual([{ op: "delete", name: "shared-member" }]);
  expect(await stack.up()).toMatch(/\+ 1 created/);
  expectAccountMatchesProgram(await accountOf(emulator()));
});

it("an object deleted by hand shows as deleted, and up recreates it", async () => {
  await call()("DELETE", `/sso_connectors/${ids.ssoConnectorId}`);
  expect(await stack.refreshed()).toEqual([{ op: "delete", name: "sso" }]);
  expect(await stack.up()).toMatch(/\+ 1 created/);
  expectAccountMatchesProgram(await accountOf(emulator()));
});
