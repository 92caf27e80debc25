/**
 * Pull requests written to fool the access review, each run with the real CLI against the
 * emulator: `pulumi preview --json`, then `cloudflare-iam review`. Each must show the risk it
 * hides and fail `--fail-on risk` with exit 3; the benign twin (a group created in the same
 * change) must still be resolved exactly.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { accountMembers } from "../../emulator";
import { cloudflareIam } from "../support/cli";
import { useEmulator } from "../support/emulator";
import { api } from "../support/provider";
import { PulumiWorkspace } from "../support/pulumi";

jest.setTimeout(300_000);

interface ReviewJson {
  risks: { kind: string; message: string }[];
  people: { member: string; gains: { permissionGroups: string[]; target: string; group: string; why: string }[] }[];
}

const emulator = useEmulator();
const work = mkdtempSync(join(tmpdir(), "review-adversarial-"));
const donald = accountMembers[4];
let stack: PulumiWorkspace;
let admins: { id: string };
let systemGroupId: string;
let administratorId: string;

const env = () => ({ ...process.env, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token });

/** The preview of one case, then its review as JSON and the exit code of `--fail-on risk`. */
async function reviewOf(workspace: PulumiWorkspace, config: Record<string, string>): Promise<{ review: ReviewJson; gate: number }> {
  for (const [key, value] of Object.entries(config)) await workspace.ok(["config", "set", key, value, "--stack", workspace.stack]);
  const file = join(work, `preview-${Object.values(config).join("-").replace(/\W+/g, "_")}.json`);
  writeFileSync(file, await workspace.ok(["preview", "--json", "--stack", workspace.stack]));
  const json = await cloudflareIam(["review", file, "--format", "json"], env());
  if (json.code !== 0) throw new Error(`review exited ${json.code}: ${json.stderr}`);
  const gate = await cloudflareIam(["review", file, "--fail-on", "risk", "--out", join(work, "review.md")], env());
  return { review: JSON.parse(json.stdout) as ReviewJson, gate: gate.code };
}

const messages = (review: ReviewJson) => review.risks.map((r) => r.message);

beforeAll(async () => {
  const call = api(emulator());
  systemGroupId = (await call<{ id: string; name: string }[]>("GET", "/iam/resource_groups")).find((g) => g.name.startsWith("com.cloudflare.api.account."))!.id;
  administratorId = (await call<{ id: string; name: string }[]>("GET", "/iam/permission_groups?name=Administrator")).find((g) => g.name === "Administrator")!.id;
  // A group made in the dashboard that the attacker wants to join: Administrator on the whole account.
  admins = await call("POST", "/iam/user_groups", {
    name: "Admins",
    policies: [{ access: "allow", permission_groups: [{ id: administratorId }], resource_groups: [{ id: systemGroupId }] }],
  });
  stack = new PulumiWorkspace(join(__dirname, "fixtures/adversarial"), "adversarial");
  await stack.initFor(emulator(), { case: "new-group-benign", member: donald.id, target: "" });
});
afterAll(() => stack?.run(["stack", "rm", "--yes", "--force", stack.stack]));

it("a member list for a group unknown at preview (decoy.id.apply) is a risk naming who may be added anywhere", async () => {
  const { review, gate } = await reviewOf(stack, { case: "members-of-unknown-group", target: admins.id });
  expect(messages(review)).toContain(`UserGroupMembers sneak: the group is unknown until apply: this change may add ${donald.email} to any group`);
  expect(gate).toBe(3);
});

it("one membership in a group unknown at preview is a risk too", async () => {
  const { review, gate } = await reviewOf(stack, { case: "member-of-unknown-group", target: admins.id });
  expect(messages(review)).toContain(`UserGroupMember sneak: the group is unknown until apply: this change may add ${donald.email} to any group`);
  expect(gate).toBe(3);
});

it("a policy whose resource group and permission group come from another resource is reviewed as administrator-class on the whole account", async () => {
  const { review, gate } = await reviewOf(stack, { case: "policy-on-unknown-targets", target: `${systemGroupId},${administratorId}` });
  expect(messages(review)).toEqual(
    expect.arrayContaining([
      "UserGroup sneak: policy 1: a permission group is unknown until apply: reviewed as an administrator-class one",
      "UserGroup sneak: policy 1: a resource group is unknown until apply and not one this change creates: reviewed as the whole account",
    ]),
  );
  expect(gate).toBe(3);
});

it("this package's provider under a type the review does not know is a risk, and is reviewed as what it manages", async () => {
  const { review, gate } = await reviewOf(stack, { case: "disguised-provider", target: admins.id });
  expect(messages(review)).toContain(
    "pulumi-nodejs:dynamic/team-tools:Membership sneak: carries this package's provider under a type the review does not know: reviewed as a UserGroupMembers",
  );
  const gains = review.people.find((p) => p.member === donald.email)?.gains;
  expect(gains).toEqual([{ permissionGroups: ["Administrator"], target: "the account", group: "Admins", why: "via" }]);
  expect(gate).toBe(3);
});

it("a dynamic resource with someone else's provider is a risk: its code runs with the stack's token", async () => {
  const { review } = await reviewOf(stack, { case: "unknown-scope", target: "" });
  expect(messages(review)).toContain(
    "pulumi-nodejs:dynamic:Resource decoy: a dynamic resource whose provider is not this package's: its code runs with the stack's token and may change any access; not reviewed",
  );
});

it("a resource group whose whole scope is unknown is reviewed as the whole account, without a crash", async () => {
  const { review, gate } = await reviewOf(stack, { case: "unknown-scope", target: "" });
  expect(messages(review)).toContain("ResourceGroup sneak: its scope is unknown until apply: reviewed as the whole account");
  expect(gate).toBe(3);
});

it("a step for an account the review did not read is named, not dropped", async () => {
  const other = "b".repeat(32);
  const { review, gate } = await reviewOf(stack, { case: "another-account", target: other });
  expect(messages(review)).toContain(`UserGroup sneak: changes account ${other}, which this review did not read: not reviewed`);
  expect(gate).toBe(3);
});

it("the benign twin, a membership of a group created in the same change, is resolved exactly and raises no risk", async () => {
  const { review, gate } = await reviewOf(stack, { case: "new-group-benign", target: "" });
  expect(review.risks).toEqual([]);
  expect(review.people).toEqual([]);
  expect(gate).toBe(0);
});

describe("from the access file alone", () => {
  let files: PulumiWorkspace;
  const accessFile = join(work, "access.yaml");

  beforeAll(async () => {
    files = new PulumiWorkspace(join(__dirname, "fixtures/access-policy"), "adversarial-file");
    writeFileSync(accessFile, yaml.dump({ userGroups: [] }));
    await files.initFor(emulator(), { accessFile });
  });
  afterAll(() => files?.run(["stack", "rm", "--yes", "--force", files.stack]));

  it("an allow in one group and a deny in another that shares a member: the allow is shown (fact 21), and the deny is a risk", async () => {
    const everywhere = [systemGroupId];
    writeFileSync(
      accessFile,
      yaml.dump(
        {
          userGroups: [
            { name: "Helpers", policies: [{ access: "allow", permissionGroups: ["Administrator"], resourceGroups: everywhere }], members: [donald.email] },
            { name: "Guard", policies: [{ access: "deny", permissionGroups: ["Administrator"], resourceGroups: everywhere }], members: [donald.email] },
          ],
        },
        { noRefs: true },
      ), // access files take no YAML aliases: the shared list is written out twice
    );
    const { review, gate } = await reviewOf(files, { accessFile });
    expect(review.people.find((p) => p.member === donald.email)?.gains).toEqual([{ permissionGroups: ["Administrator"], target: "the account", group: "Helpers", why: "via" }]);
    expect(review.risks.map((r) => r.kind)).toEqual(expect.arrayContaining(["administrator", "account-wide", "deny-policy"]));
    expect(messages(review)).toContain(
      'user group "Guard" gains the policy deny Administrator on the account: Cloudflare refuses deny policies (fact 21), so it will not take effect and the other steps may apply without it; the review counts no access as taken away by it',
    );
    expect(gate).toBe(3);
  });
});
