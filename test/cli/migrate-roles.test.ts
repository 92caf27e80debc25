/** `cloudflare-iam migrate-roles` against the emulator: the plan of its role holders, as docs/roles-migration.md shows it, and not one write. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountMembers, legacyRoles } from "../../emulator";
import { cloudflareIam, cloudflareIamOk } from "../support/cli";
import { admin, resetStats, stats, useEmulator, writeCount } from "../support/emulator";
import { api } from "../support/provider";
import { PROJECT_ROOT } from "../support/pulumi";

const emulator = useEmulator();
const env = () => ({ PATH: process.env.PATH, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token, CLOUDFLARE_ACCOUNT_ID: emulator().accountId });
const roleId = (name: string) => legacyRoles.find((r) => r.name === name)!.id;
/** A role holder's email that moves the cursor and ends the line (lower case, as the API reads emails: fact 56). */
const hostile = "ada\u001b[2j\u2028@example.com";

beforeAll(async () => {
  // Beside the seeded owner (Super Administrator) and radia (Administrator): a read-only administrator, and an invite holding a role with no equivalent.
  await admin(emulator(), "PUT", `/account_members/${accountMembers[0].id}/access`, { roles: [roleId("Administrator Read Only")] });
  await api(emulator())("POST", "/members", { email: "ken.thompson@example.com", roles: [roleId("DNS")] });
  await resetStats(emulator());
});

it("prints each role holder's plan, as docs/roles-migration.md shows it, and sends no write", async () => {
  const { stdout } = await cloudflareIamOk(["migrate-roles"], env());
  expect(stdout.split("\n\n").slice(1, -1)).toEqual([
    `${accountMembers[0].email}\n  role Administrator Read Only → permission group Administrator Read Only (admin_readonly) on the whole account (the API already answers it so: nothing to write)`,
    "charles.babbage@example.com\n  role Super Administrator - All Privileges → permission group Super Administrator - All Privileges (all_privileges) on the whole account (the API already answers it so: nothing to write)",
    "ken.thompson@example.com\n  role DNS kept as a role: no equivalent permission group is known",
    "radia.liskov56@example.com\n  role Administrator → permission group Administrator (admin) on the whole account (the API already answers it so: nothing to write)",
  ]);
  expect(readFileSync(join(PROJECT_ROOT, "docs/roles-migration.md"), "utf8")).toContain(
    ["```", `$ npx cloudflare-iam migrate-roles --account ${emulator().accountId}`, stdout.trimEnd(), "```"].join("\n"),
  );
  expect(writeCount(await stats(emulator()))).toBe(0);
});

describe("a hostile email", () => {
  beforeAll(() => api(emulator())("POST", "/members", { email: hostile, roles: [roleId("DNS")] }));

  it("reaches the terminal as a quoted literal, Markdown as a code span, and JSON escaped; no write is sent", async () => {
    await resetStats(emulator());
    const text = (await cloudflareIamOk(["migrate-roles"], env())).stdout;
    expect(text).toContain('\n"ada\\u001b[2j\\u2028@example.com"\n  role DNS kept as a role: no equivalent permission group is known\n');
    expect(text.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    const markdown = (await cloudflareIamOk(["migrate-roles", "--format", "markdown"], env())).stdout;
    expect(markdown).toContain("- `ada⟨U+001B⟩[2j⟨U+2028⟩@example.com`\n  - role `DNS` kept as a role: no equivalent permission group is known\n");
    const json = JSON.parse((await cloudflareIamOk(["migrate-roles", "--format", "json"], env())).stdout);
    expect(json.members.map((m: { email: string }) => m.email)).toContain(hostile);
    expect(writeCount(await stats(emulator()))).toBe(0);
  });
});

it("without an account, a usage error", async () => {
  const run = await cloudflareIam(["migrate-roles"], { PATH: process.env.PATH });
  expect([run.code, run.stderr.trim()]).toEqual([2, "error: --account <id> is required (or set CLOUDFLARE_ACCOUNT_ID)"]);
});
