/**
 * One stack's whole life under the real CLI, against the emulator in its default, real-API
 * mode: up, a no-op preview, refresh, a dashboard rename repaired by `up --refresh`, a rename in
 * the program, a secret rotation, a member leaving the account, and destroy. The steps share one
 * stack, so they run in this order; each names what it does.
 */
import { accountMembers } from "../../../emulator";
import { admin, resetStats, stats, useEmulator, writeCount } from "../../support/emulator";
import { type Account, accountOf, expectAccountMatchesProgram, LifecycleStack, memberIds } from "../../support/lifecycle";
import { api } from "../../support/provider";

jest.setTimeout(300_000);

const emulator = useEmulator();
let stack: LifecycleStack;
let initial: Account;
let ids: Record<string, string>;

const noDrift = async () => expect((await stack.run(["preview", "--refresh", "--expect-no-changes", "--stack", stack.stack])).code).toBe(0);

afterAll(() => stack?.remove());

describe("the life of one stack", () => {
  it("up creates every object: a group and its members in one run, while new groups' members still answer 404 (fact 37)", async () => {
    initial = await accountOf(emulator());
    stack = await new LifecycleStack(emulator(), "full-cycle", { PULUMI_SKIP_CHECKPOINTS: "true" }).create();
    await resetStats(emulator());
    expect(await stack.up()).toMatch(/\+ 8 created/);
    expect((await stats(emulator())).byStatus["404"]).toBeGreaterThan(0);
    expectAccountMatchesProgram(await accountOf(emulator()));
    ids = await stack.ids();
  });

  it("a no-op preview reports no change and sends no write", async () => {
    await resetStats(emulator());
    expect((await stack.run(["preview", "--expect-no-changes", "--stack", stack.stack])).code).toBe(0);
    expect(writeCount(await stats(emulator()))).toBe(0);
  });

  it("refresh finds no drift in an untouched account", async () => {
    expect(await stack.refreshed()).toEqual([]);
  });

  it("a dashboard rename shows as drift, and up --refresh renames the group back with one write", async () => {
    await api(emulator())("PUT", `/iam/user_groups/${ids.userGroupId}`, { name: "renamed in the dashboard" });
    expect((await stack.run(["preview", "--refresh", "--expect-no-changes", "--stack", stack.stack])).code).not.toBe(0);
    await resetStats(emulator());
    await stack.up("--refresh");
    expect(writeCount(await stats(emulator()))).toBe(1);
    expectAccountMatchesProgram(await accountOf(emulator()));
    await noDrift();
  });

  it("a rename in the program with unchanged policies sends the name alone: the policies keep their ids (fact 22)", async () => {
    await stack.setConfig("variant", "renamed");
    await stack.up();
    const renamed = await stack.ids();
    expect((await accountOf(emulator())).userGroups[ids.userGroupId].name).toBe("e2e team (renamed)");
    expect(renamed.policyIds).toEqual(ids.policyIds);
    await stack.setConfig("variant", "base");
    await stack.up();
    await noDrift();
  });

  it("a secretVersion bump rotates the OAuth secret; deleteRotatedSecret retires the old one", async () => {
    await stack.setConfig("secretVersion", "1");
    await stack.up();
    const rotated = (await stack.ids()).oauthClientSecret;
    expect(rotated).toMatch(/^cfoauth_/);
    expect(rotated).not.toBe(ids.oauthClientSecret);
    expect((await accountOf(emulator())).oauthClients[ids.oauthClientId]).toMatchObject({ secret: rotated, rotated_secret: ids.oauthClientSecret });
    await stack.setConfig("deleteRotatedSecret", "true");
    await stack.up();
    expect((await accountOf(emulator())).oauthClients[ids.oauthClientId].rotated_secret).toBeUndefined();
    await noDrift();
  });

  it("destroy, after a member of both groups left the account (fact 33), leaves the account as it was", async () => {
    const leaver = memberIds[0];
    await admin(emulator(), "DELETE", `/account_members/${leaver}`);
    expect(accountMembers.map((m) => m.id)).toContain(leaver);
    expect(await stack.ok(["destroy", "--yes", "--skip-preview", "--stack", stack.stack])).toMatch(/- 8 deleted/);
    expect(await accountOf(emulator())).toEqual({ ...initial, departedMembers: [leaver] });
  });
});
