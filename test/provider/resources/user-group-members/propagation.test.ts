/**
 * fact 37 for the groups this process created: their members are tried by the group's age,
 * without asking whether the group exists, and what one group's wait taught spares the next.
 */
import { accountMembers } from "../../../../emulator";
import { providers } from "../../../../provider";
import { resetStats, stats, useEmulator } from "../../../support/emulator";
import { created, useProviderConfig } from "../../../support/provider";

const PROPAGATION_MS = 1_000;
const emulator = useEmulator({ membersPropagationMs: PROPAGATION_MS });
useProviderConfig(emulator);
const ids = accountMembers.map((m) => m.id);
const MEMBERS = "PUT /accounts/:account_id/iam/user_groups/:user_group_id/members";
const GROUP = "GET /accounts/:account_id/iam/user_groups/:user_group_id";

/** A user group, then its members at once, as the engine creates them; the requests the members cost. */
async function groupThenMembers(name: string) {
  const group = await created(providers.userGroup, { name, policies: [] });
  await resetStats(emulator());
  const started = Date.now();
  await created(providers.userGroupMembers, { userGroupId: group.id, memberIds: ids.slice(0, 3) });
  const snapshot = await stats(emulator());
  return { group, tries: snapshot.byRoute[MEMBERS], groupLookups: snapshot.byRoute[GROUP] ?? 0, seconds: (Date.now() - started) / 1000 };
}

it("the first new group's members: one 404, then its age step; the group itself never asked", async () => {
  const first = await groupThenMembers("first");
  expect([first.tries, first.groupLookups]).toEqual([2, 0]);
  expect(first.seconds).toBeGreaterThanOrEqual(PROPAGATION_MS / 1000 - 0.1);
});

it("a later new group's members wait for what the first one needed, and go in one request", async () => {
  const later = await groupThenMembers("later");
  expect([later.tries, later.groupLookups]).toEqual([1, 0]);
});

it("a group this process deleted is asked about again: its members read as gone at once", async () => {
  const { group } = await groupThenMembers("deleted here");
  const members = await providers.userGroupMembers.read!(group.id, { accountId: emulator().accountId, userGroupId: group.id } as never);
  await providers.userGroup.delete!(group.id, group.outs);
  const started = Date.now();
  expect((await providers.userGroupMembers.read!(group.id, members.props)).id).toBe("");
  expect(Date.now() - started).toBeLessThan(5_000);
});
