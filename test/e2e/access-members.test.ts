/**
 * An access file that manages who is in the account (issue 19), with the real CLI against the
 * emulator: an invite joins its group in the same `up`, stays no change while pending and after
 * it is accepted, and a person dropped from the file leaves only the group without `offboard`,
 * the account with it. The big onboarding review is another test's (docs/access-files.md).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { accountMembers } from "../../emulator";
import { cloudflareIamOk } from "../support/cli";
import { admin, useEmulator } from "../support/emulator";
import { PulumiWorkspace } from "../support/pulumi";

jest.setTimeout(300_000);

const emulator = useEmulator();
const accessFile = join(mkdtempSync(join(tmpdir(), "access-members-")), "access.yaml");
const ada = accountMembers[0];
const NEWCOMER = "new.hire@example.net";
let stack: PulumiWorkspace;

interface Account {
  members: Record<string, { id: string; email: string; status: string }>;
  departedMembers: string[];
  userGroups: Record<string, { name: string; members: Record<string, string> }>;
}
const account = () => admin<Account>(emulator(), "GET", "/state");
const newcomer = async () => Object.values((await account()).members).find((m) => m.email === NEWCOMER);
const groupMembers = async () => Object.keys(Object.values((await account()).userGroups).find((g) => g.name === "Onboarding")!.members).sort();

const spec = (members: object, people: unknown[]) => ({
  members,
  resourceGroups: [{ name: "onboarding zones", scope: { objects: ["com.cloudflare.api.account.zone.onboarding"] } }],
  userGroups: [{ name: "Onboarding", policies: [{ access: "allow", permissionGroups: ["Zone Read"], resourceGroups: ["onboarding zones"] }], members: people }],
});
const write = (value: object) => writeFileSync(accessFile, yaml.dump(value));
const up = () => stack.ok(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
const holdsStill = () => stack.ok(["preview", "--refresh", "--expect-no-changes", "--stack", stack.stack]);

beforeAll(async () => {
  stack = new PulumiWorkspace(join(__dirname, "fixtures/access-policy"), "access-members", { PULUMI_SKIP_CHECKPOINTS: "true" });
  await stack.initFor(emulator(), { accessFile });
});
afterAll(() => stack?.run(["stack", "rm", "--yes", "--force", stack.stack]));

interface ReviewJson {
  risks: { kind: string; message: string }[];
  people: { member: string }[];
}

/** The review of the change the access file now makes, as JSON. */
async function reviewOfPreview(): Promise<ReviewJson> {
  const file = join(mkdtempSync(join(tmpdir(), "access-members-preview-")), "preview.json");
  writeFileSync(file, await stack.ok(["preview", "--json", "--stack", stack.stack]));
  const env = { ...process.env, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token };
  return JSON.parse((await cloudflareIamOk(["review", file, "--format", "json"], env)).stdout) as ReviewJson;
}

it("invites a person into a group in one up; no change while the invite is pending, nor once it is accepted", async () => {
  write(spec({ invite: true }, [ada.email, NEWCOMER]));
  // The group's members, unknown at preview, resolve exactly to the invite and the adopted membership.
  const review = await reviewOfPreview();
  expect(review.risks.filter((r) => r.kind === "unresolved")).toEqual([]);
  expect(review.people.map((p) => p.member).sort()).toEqual([ada.email, NEWCOMER].sort());
  await up();
  const invited = await newcomer();
  expect(invited).toMatchObject({ status: "pending" });
  expect(await groupMembers()).toEqual([ada.id, invited!.id].sort());
  await holdsStill();
  await admin(emulator(), "POST", `/account_members/${invited!.id}/accept`);
  await holdsStill();
});

it("without offboard, a person dropped from the file leaves the group and stays in the account; the preview says the delete is retained", async () => {
  write(spec({ invite: true }, [ada.email]));
  const preview = JSON.parse(await stack.ok(["preview", "--json", "--stack", stack.stack])) as { steps: { op: string; urn: string; oldState?: { retainOnDelete?: boolean } }[] };
  const drop = preview.steps.find((s) => s.op === "delete" && s.urn.endsWith("::account/member/new.hire-example.net"));
  expect(drop?.oldState?.retainOnDelete).toBe(true);
  await up();
  expect(await groupMembers()).toEqual([ada.id]);
  expect(await newcomer()).toMatchObject({ status: "accepted" });
});

it("with offboard, a person dropped from the file leaves the account", async () => {
  write(spec({ offboard: true }, [ada.email]));
  await up();
  write(spec({ offboard: true }, []));
  await up();
  expect((await account()).departedMembers).toContain(ada.id);
  expect(await groupMembers()).toEqual([]);
});

it("turning offboard off first keeps a person dropped afterwards in the account", async () => {
  const alan = accountMembers[1];
  write(spec({ offboard: true }, [alan.email]));
  await up();
  write(spec({ offboard: false }, [alan.email]));
  await up();
  write(spec({ offboard: false }, []));
  await up();
  expect((await account()).departedMembers).not.toContain(alan.id);
});
