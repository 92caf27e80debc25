/**
 * Onboarding and offboarding by pull request (issue 19), with the real CLI against the emulator:
 * one pull request's access file invites a new hire into a group and offboards a leaver. The
 * review says exactly that, `up` applies it, and `preview --refresh --expect-no-changes` holds
 * while the invite is pending and again once it is accepted.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as yaml from "js-yaml";
import type { Review } from "../../access/compare";
import { accountMembers } from "../../emulator";
import { cloudflareIam } from "../support/cli";
import { admin, useEmulator } from "../support/emulator";
import { PROJECT_ROOT, PulumiWorkspace } from "../support/pulumi";

jest.setTimeout(300_000);

const emulator = useEmulator();
const work = mkdtempSync(join(tmpdir(), "onboarding-"));
const accessFile = join(work, "access.yaml");
// Two accepted members with no grants of their own (emulator/seed.ts), and an address new to the account.
const [stays, leaver] = accountMembers.filter((m) => m.status === "accepted");
const NEW_HIRE = "grace.newhire@example.com";
let stack: PulumiWorkspace;

interface AccountState {
  members: Record<string, { id: string; email: string; status: string }>;
  userGroups: Record<string, { name: string; members: Record<string, string> }>;
}
const account = () => admin<AccountState>(emulator(), "GET", "/state");
const review = (args: string[]) => cloudflareIam(["review", ...args], { ...process.env, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token });
const noChanges = () => stack.run(["preview", "--refresh", "--expect-no-changes", "--stack", stack.stack]);

/** The access file: Platform's members by email; `offboard` removes from the account whoever the file drops. */
const write = (people: unknown[]) =>
  writeFileSync(
    accessFile,
    yaml.dump({
      members: { offboard: true },
      resourceGroups: [{ name: "onboarding zones", scope: { objects: ["com.cloudflare.api.account.zone.onboarding"] } }],
      userGroups: [{ name: "Platform", policies: [{ access: "allow", permissionGroups: ["DNS Write"], resourceGroups: ["onboarding zones"] }], members: people }],
    }),
  );

beforeAll(async () => {
  write([stays.email, leaver.email]);
  stack = new PulumiWorkspace(join(__dirname, "fixtures/access-policy"), "onboarding", { PULUMI_SKIP_CHECKPOINTS: "true" });
  await stack.initFor(emulator(), { accessFile });
  await stack.ok(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
  // The pull request: the new hire invited into Platform, the leaver dropped from the file.
  write([stays.email, { email: NEW_HIRE, invite: true }]);
});
afterAll(() => stack?.run(["stack", "rm", "--yes", "--force", stack.stack]));

describe("a pull request whose access file invites a new hire into Platform and offboards a leaver", () => {
  let previewFile: string;

  beforeAll(async () => {
    previewFile = join(work, "preview.json");
    writeFileSync(previewFile, await stack.ok(["preview", "--json", "--stack", stack.stack]));
  });

  it("the review says who is invited into which group, pending, and who leaves the account with everything they lose", async () => {
    const run = await review([previewFile]);
    expect(run.code).toBe(0);
    const start = run.stdout.indexOf("```diff\n");
    const diff = run.stdout.slice(start, run.stdout.indexOf("\n```\n", start) + 4).split("\n");
    expect(diff).toEqual([
      "```diff",
      `- ${leaver.email} leaves the account and loses everything`,
      `- ${leaver.email} loses DNS Write on "onboarding zones" (leaves Platform)`,
      `+ ${NEW_HIRE} is invited (pending until they accept) and gains DNS Write on "onboarding zones" (via Platform)`,
      "```",
    ]);
    expect(run.stdout).not.toContain("**Risks**");
    // README.md quotes the first line of each person.
    const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
    for (const line of [diff[1], diff[3]]) expect(readme).toContain(line);
  });

  it("the JSON review carries the same facts as fields", async () => {
    const result = JSON.parse((await review([previewFile, "--format", "json"])).stdout) as Review;
    expect(result.people.map((p) => [p.member, p.membership, p.status, p.gains.length, p.losses.length])).toEqual([
      [leaver.email, "leaves", "accepted", 0, 1],
      [NEW_HIRE, "invited", "pending", 1, 0],
    ]);
    expect(result.risks).toEqual([]);
  });

  it("up applies it: the invite pending and in the group, the leaver gone from the account", async () => {
    await stack.ok(["up", "--yes", "--skip-preview", "--stack", stack.stack]);
    const state = await account();
    const invited = Object.values(state.members).filter((m) => m.email === NEW_HIRE);
    expect(invited.map((m) => m.status)).toEqual(["pending"]);
    expect(Object.values(state.members).some((m) => m.id === leaver.id)).toBe(false);
    const platform = Object.values(state.userGroups).find((g) => g.name === "Platform")!;
    expect(Object.keys(platform.members).sort()).toEqual([stays.id, invited[0].id].sort());
  });

  it("preview --refresh --expect-no-changes holds while the invite is pending, and after it is accepted", async () => {
    expect((await noChanges()).code).toBe(0);
    const invited = Object.values((await account()).members).find((m) => m.email === NEW_HIRE)!;
    await admin(emulator(), "POST", `/account_members/${invited.id}/accept`);
    expect(Object.values((await account()).members).find((m) => m.id === invited.id)?.status).toBe("accepted");
    const afterAccept = await noChanges();
    expect([afterAccept.code, afterAccept.stderr]).toEqual([0, ""]);
  });
});
