/** Objects made in the dashboard, adopted by a program with `adoptId`, under the real CLI. */
import { resetStats, stats, useEmulator } from "../../support/emulator";
import { accountOf, expectAccountMatchesProgram, LifecycleStack } from "../../support/lifecycle";
import { makeByHand } from "../../support/provider";

jest.setTimeout(300_000);

const emulator = useEmulator();

it("adopts objects made directly in the account, with no duplicates, and destroys them", async () => {
  const initial = await accountOf(emulator());
  const adopt = await makeByHand(emulator(), {
    name: "made by hand",
    zone: "aaa",
    emailDomain: "e2e.example.com",
    redirectUri: "https://e2e.example.com/a",
    authMethod: "none",
  });
  const stack = await new LifecycleStack(emulator(), "adoption", { PULUMI_SKIP_CHECKPOINTS: "true" }).create({ adopt: JSON.stringify(adopt) });
  try {
    await resetStats(emulator());
    await stack.up();
    const created = (await stats(emulator())).byRoute;
    expect(created["POST /accounts/:account_id/iam/resource_groups"]).toBeUndefined();
    expect(created["POST /accounts/:account_id/sso_connectors"]).toBeUndefined();
    expect(created["POST /accounts/:account_id/oauth_clients"]).toBeUndefined();
    expect(created["POST /accounts/:account_id/iam/user_groups"]).toBe(1); // the "shared" group, not adopted
    const account = await accountOf(emulator());
    expectAccountMatchesProgram(account);
    expect(Object.keys(account.resourceGroups)).toContain(adopt.resourceGroupId);
    expect(Object.keys(account.ssoConnectors)).toEqual([adopt.ssoConnectorId]);
    expect(Object.keys(account.oauthClients)).toEqual([adopt.oauthClientId]);
    expect(Object.keys(account.userGroups)).toContain(adopt.userGroupId);
    expect((await stack.run(["preview", "--expect-no-changes", "--stack", stack.stack])).code).toBe(0);
    await stack.ok(["destroy", "--yes", "--skip-preview", "--stack", stack.stack]);
    expect(await accountOf(emulator())).toEqual(initial);
  } finally {
    await stack.remove();
  }
});
