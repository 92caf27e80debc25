/**
 * Drift attribution with the real CLI: a deployed stack is edited behind its back by a person in
 * the dashboard, by SCIM's token, by another person, and with the stack's own token;
 * `pulumi preview --refresh --json` feeds `cloudflare-iam drift`, which must name exactly who
 * changed what, leave the stack's own token out of attribution, wait for entries that have not
 * arrived, and still list the drift for a token that cannot read the audit log.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cloudflareIam } from "../support/cli";
import { admin, useEmulator } from "../support/emulator";
import { LifecycleStack, memberIds } from "../support/lifecycle";
import { api } from "../support/provider";
import { PROJECT_ROOT } from "../support/pulumi";

jest.setTimeout(300_000);

const SCIM = { value: "okta-scim-token", name: "Okta SCIM Provisioning" };
const READER = { value: "iam-reader-token", name: "IAM reader", accountSettingsRead: false };
const emulator = useEmulator({ tokens: [SCIM, READER] });
const work = mkdtempSync(join(tmpdir(), "drift-"));
let stack: LifecycleStack;
let ids: Record<string, string>;

interface Item {
  name: string;
  changes: { property: string; before: unknown; after: unknown }[];
  changedBy: { email: string | null; tokenName: string | null; channel: string; time: string; rayId: string } | null;
  note: string | null;
}

const account = () => `/accounts/${emulator().accountId}`;
const asPerson = (actor: string, method: string, path: string, body: unknown) => admin(emulator(), "POST", "/dashboard", { actor, method, path: `${account()}${path}`, body });
const drift = (args: string[], token = emulator().token) =>
  cloudflareIam(["drift", ...args], { ...process.env, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: token });

async function previewFile(): Promise<string> {
  const file = join(work, `preview-${Date.now()}.json`);
  writeFileSync(file, await stack.ok(["preview", "--refresh", "--json", "--stack", stack.stack]));
  return file;
}

async function driftJson(file: string, token?: string): Promise<Item[]> {
  const run = await drift([file, "--format", "json"], token);
  expect(run).toMatchObject({ code: 0, stderr: "" });
  return JSON.parse(run.stdout) as Item[];
}

/** Times and ray ids differ on every run; the README's words are held to the run's, word for word. */
const steady = (markdown: string) => markdown.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/g, "<time>").replace(/[0-9a-f]{16}-EMU/g, "<ray>");

let preview: string;
beforeAll(async () => {
  stack = await new LifecycleStack(emulator(), "drift-attribution", { PULUMI_SKIP_CHECKPOINTS: "true" }).create();
  await stack.up();
  ids = await stack.ids();
  await asPerson("alice@example.com", "PUT", `/iam/user_groups/${ids.userGroupId}`, { name: "e2e team (old)" });
  const scim = await fetch(`${emulator().baseUrl}${account()}/iam/user_groups/${ids.userGroupId}/members/${memberIds[2]}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${SCIM.value}`, "user-agent": "Okta SCIM 2.0" },
  });
  expect(scim.status).toBe(200);
  await asPerson("bob@example.com", "PATCH", `/oauth_clients/${ids.oauthClientId}`, {
    redirect_uris: ["https://e2e.example.com/a", "https://e2e.example.com/b", "https://bob.example.net/callback"],
  });
  await api(emulator())("PUT", `/iam/resource_groups/${ids.resourceGroupId}`, { name: "e2e zones (by hand)" });
  preview = await previewFile();
});
afterAll(() => stack?.remove());

it("names exactly alice, the SCIM token and bob, each on the right resource and property", async () => {
  const items = await driftJson(preview);
  const summary = items.map((i) => [i.name, i.changes.map((c) => c.property), i.changedBy && [i.changedBy.email, i.changedBy.tokenName, i.changedBy.channel]]);
  expect(summary).toEqual([
    ["client", ["redirectUris"], ["bob@example.com", null, "dashboard"]],
    ["zones", ["name"], null],
    ["team", ["name"], ["alice@example.com", null, "dashboard"]],
    ["team-members", ["memberIds"], [null, SCIM.name, "API token"]],
  ]);
  expect(items.find((i) => i.name === "team")!.changes).toEqual([{ property: "name", before: "e2e team", after: "e2e team (old)" }]);
  for (const item of items.filter((i) => i.changedBy)) expect(item.changedBy!.rayId).toMatch(/-EMU$/);
});

it("leaves the stack's own write out of attribution, and still shows it as drift by this stack's token", async () => {
  const zones = (await driftJson(preview)).find((i) => i.name === "zones")!;
  expect(zones.changedBy).toBeNull();
  expect(zones.note).toMatch(/^by this stack's token, outside a Pulumi run, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, ray [0-9a-f]{16}-EMU$/);
});

it("writes the Markdown README.md quotes, word for word", async () => {
  const run = await drift([preview]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("- user group `e2e team`: renamed to `e2e team (old)`\n  - by `alice@example.com` in the dashboard, ");
  expect(steady(readFileSync(join(PROJECT_ROOT, "README.md"), "utf8"))).toContain(steady(run.stdout.trim()));
});

it("fact 119: a token without Account Settings Read still gets the drift, with one line naming the permission, exit 0", async () => {
  const run = await drift([preview], READER.value);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("- user group `e2e team`: renamed to `e2e team (old)`");
  expect(run.stdout.split("\n").filter((line) => line.includes("Account Settings Read"))).toHaveLength(1);
  expect(run.stdout).not.toContain("alice@example.com");
});

it("fact 114: an entry that has not arrived is said to be on its way, and a run after the delay names the actor", async () => {
  await admin(emulator(), "PUT", "/audit_log", { delayMs: 10 * 60_000 });
  try {
    await asPerson("carol@example.com", "PATCH", `/sso_connectors/${ids.ssoConnectorId}`, { use_fedramp_language: true });
    const file = await previewFile();
    const sso = async () => (await driftJson(file)).find((i) => i.name === "sso")!;
    const waiting = await sso();
    expect(waiting.changedBy).toBeNull();
    expect(waiting.note).toMatch(/^not in the audit log yet; entries arrive up to 8 minutes after a change; run again after \d\d:\d\d UTC$/);
    // The emulator's delay drops to 2 s: the entry, older than that, has arrived.
    await admin(emulator(), "PUT", "/audit_log", { delayMs: 2000 });
    expect((await sso()).changedBy).toMatchObject({ email: "carol@example.com", channel: "dashboard" });
  } finally {
    await admin(emulator(), "PUT", "/audit_log", { delayMs: 0 });
  }
});
