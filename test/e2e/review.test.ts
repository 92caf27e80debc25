/**
 * The access review of a pull request, with the real CLI against the emulator: an access file
 * is deployed, edited as a PR would edit it, previewed with `pulumi preview --json`, and
 * `cloudflare-iam review` must say exactly who gains and who loses what, and the risks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as yaml from "js-yaml";
import type { Review } from "../../access/compare";
import { accountMembers } from "../../emulator";
import { cloudflareIam } from "../support/cli";
import { admin, useEmulator } from "../support/emulator";
import { api, untilMembersVisible } from "../support/provider";
import { PROJECT_ROOT, PulumiWorkspace } from "../support/pulumi";

jest.setTimeout(300_000);

const emulator = useEmulator();
const work = mkdtempSync(join(tmpdir(), "review-"));
const accessFile = join(work, "access.yaml");
const [ada, alan, barbara, claude, donald, edsger] = accountMembers.map((m) => m.email);
let stack: PulumiWorkspace;
let systemGroupId: string;

const review = (args: string[]) => cloudflareIam(["review", ...args], { ...process.env, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token });

/** The access file as the repository holds it before the pull request. */
const base = () => ({
  resourceGroups: [{ name: "production zones", scope: { objects: ["com.cloudflare.api.account.zone.prod"] } }],
  userGroups: [
    { name: "SRE", policies: [{ access: "allow", permissionGroups: ["DNS Write", "Zone Read"], resourceGroups: ["production zones"] }], members: [ada, alan] },
    // The account's own system group: Billing Read on the whole account.
    { name: "Finance", policies: [{ access: "allow", permissionGroups: ["Billing Read"], resourceGroups: [systemGroupId] }], members: [barbara, claude] },
  ],
  oauthClients: [
    {
      clientName: "Grafana",
      grantTypes: ["authorization_code"],
      redirectUris: ["https://grafana.example.com/login"],
      responseTypes: ["code"],
      scopes: ["zone.read"],
      tokenEndpointAuthMethod: "client_secret_basic",
    },
  ],
});

type Spec = ReturnType<typeof base>;
const write = (spec: Spec) => writeFileSync(accessFile, yaml.dump(spec));
const group = (spec: Spec, name: string) => spec.userGroups.find((g) => g.name === name)!;

async function previewJson(): Promise<string> {
  const file = join(work, `preview-${Date.now()}.json`);
  writeFileSync(file, await stack.ok(["preview", "--json", "--stack", stack.stack]));
  return file;
}

beforeAll(async () => {
  const groups = await api(emulator())<{ id: string; name: string }[]>("GET", "/iam/resource_groups");
  systemGroupId = groups.find((g) => g.name.startsWith("com.cloudflare.api.account."))!.id;
  write(base());
  stack = new PulumiWorkspace(join(__dirname, "fixtures/access-policy"), "review", { PULUMI_SKIP_CHECKPOINTS: "true" });
  await stack.initFor(emulator(), { accessFile });
  await stack.ok(["up", "--yes", "--skip-preview", "--stack", "review"]);
});
afterAll(() => stack?.run(["stack", "rm", "--yes", "--force", "review"]));

it("a change that alters no one's access says so in one line", async () => {
  const run = await review([await previewJson()]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe("No change in access: this change alters no one's access.\n");
});

describe("a pull request that adds a member, an administrator policy and an OAuth scope, and removes a member", () => {
  let previewFile: string;

  beforeAll(async () => {
    const spec = base();
    group(spec, "SRE").members.push(donald);
    group(spec, "SRE").policies.push({ access: "allow", permissionGroups: ["Administrator"], resourceGroups: ["production zones"] });
    group(spec, "Finance").members = [barbara];
    spec.oauthClients[0].scopes.push("zone.dns.read");
    write(spec);
    previewFile = await previewJson();
  });

  it("names every gain, loss and risk by email and name, and nothing else", async () => {
    const run = await review([previewFile, "--format", "json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Review;
    expect(result.people).toEqual([
      {
        memberId: expect.any(String),
        member: ada,
        membership: "stays",
        status: "accepted",
        gains: [{ permissionGroups: ["Administrator"], target: '"production zones"', group: "SRE", why: "via" }],
        losses: [],
      },
      {
        memberId: expect.any(String),
        member: alan,
        membership: "stays",
        status: "accepted",
        gains: [{ permissionGroups: ["Administrator"], target: '"production zones"', group: "SRE", why: "via" }],
        losses: [],
      },
      {
        memberId: expect.any(String),
        member: claude,
        membership: "stays",
        status: "accepted",
        gains: [],
        losses: [{ permissionGroups: ["Billing Read"], target: "the account", group: "Finance", why: "leaves" }],
      },
      {
        memberId: expect.any(String),
        member: donald,
        membership: "stays",
        status: "accepted",
        gains: [{ permissionGroups: ["Administrator", "DNS Write", "Zone Read"], target: '"production zones"', group: "SRE", why: "via" }],
        losses: [],
      },
    ]);
    expect(result.risks.map((r) => [r.kind, r.message])).toEqual([
      ["administrator", `${ada} gains Administrator on "production zones" (via SRE): an administrator-class permission group`],
      ["administrator", `${alan} gains Administrator on "production zones" (via SRE): an administrator-class permission group`],
      ["administrator", `${donald} gains Administrator on "production zones" (via SRE): an administrator-class permission group`],
    ]);
    expect(result.oauthClients).toEqual([{ subject: '"Grafana"', change: "scopes +zone.dns.read" }]);
    expect([result.groups, result.resourceGroups, result.ssoConnectors, result.notes]).toEqual([[], [], [], []]);
  });

  it("writes the Markdown a PR comment shows, as README.md quotes it, with no secret in it", async () => {
    const run = await review([previewFile]);
    expect(run.code).toBe(0);
    const expected = [
      '+ ada.lovelace@example.com gains Administrator on "production zones" (via SRE)',
      '+ alan.lovelace@example.com gains Administrator on "production zones" (via SRE)',
      "- claude.lovelace@example.com loses Billing Read on the account (leaves Finance)",
      '+ donald.lovelace@example.com gains Administrator, DNS Write, Zone Read on "production zones" (via SRE)',
    ];
    expect(run.stdout).toContain(["```diff", ...expected, "```"].join("\n"));
    expect(run.stdout.indexOf("**Risks**")).toBeLessThan(run.stdout.indexOf("**Who gains"));
    expect(readFileSync(join(PROJECT_ROOT, "README.md"), "utf8")).toContain(run.stdout.trim());
    const secrets = Object.values((await admin<{ oauthClients: Record<string, { secret: string }> }>(emulator(), "GET", "/state")).oauthClients).map((c) => c.secret);
    for (const secret of [emulator().token, ...secrets]) expect(run.stdout).not.toContain(secret);
  });

  it("with --fail-on risk, exits 3 and says why in one line", async () => {
    const run = await review([previewFile, "--fail-on", "risk", "--out", join(work, "review.md")]);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split("\n")).toEqual(["cloudflare-iam: the review raises 3 risks (--fail-on risk)"]);
    expect(readFileSync(join(work, "review.md"), "utf8")).toContain("**Risks**");
  });
});

it("a brand-new group, with its members and a new resource group, is reviewed as fully; members added by hand that a list would remove are flagged", async () => {
  const spec = base();
  spec.resourceGroups.push({ name: "audit zones", scope: { objects: ["com.cloudflare.api.account.zone.audit"] } });
  spec.userGroups.push({ name: "Auditors", policies: [{ access: "allow", permissionGroups: ["Administrator Read Only"], resourceGroups: ["audit zones"] }], members: [edsger] });
  group(spec, "Finance").members.push(donald);
  write(spec);
  // Someone added by hand to Finance, which the program's authoritative list would now remove.
  const finance = (await api(emulator())<{ id: string; name: string }[]>("GET", "/iam/user_groups")).find((g) => g.name === "Finance")!;
  await untilMembersVisible(emulator(), finance.id);
  await api(emulator())("POST", `/iam/user_groups/${finance.id}/members`, [{ id: accountMembers[6].id }]);
  const result = JSON.parse((await review([await previewJson(), "--format", "json"])).stdout) as Review;
  const lines = result.people.flatMap((p) => [
    ...p.gains.map((l) => ["+", p.member, l.permissionGroups.join(", "), l.target, l.group]),
    ...p.losses.map((l) => ["-", p.member, l.permissionGroups.join(", "), l.target, l.group]),
  ]);
  expect(lines).toEqual([
    ["+", donald, "Billing Read", "the account", "Finance"],
    ["+", edsger, "Administrator Read Only", '"audit zones"', "Auditors"],
    ["-", accountMembers[6].email, "Billing Read", "the account", "Finance"],
  ]);
  expect(result.groups).toEqual([{ subject: '"Auditors"', change: "new group, with 1 members and 1 policies" }]);
  expect(result.risks.map((r) => r.kind)).toEqual(["account-wide", "removes-outside-members"]);
  expect(result.risks[1].message).toBe(`the member list of "Finance" would remove ${accountMembers[6].email}, added outside this program`);
});
