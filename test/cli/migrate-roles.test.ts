/** `cloudflare-iam migrate-roles` against the emulator: the plan of its role holders, and not one write. */
import { accountMembers, legacyRoles } from "../../emulator";
import { cloudflareIam, cloudflareIamOk } from "../support/cli";
import { admin, resetStats, stats, useEmulator, writeCount } from "../support/emulator";

const emulator = useEmulator();
const env = () => ({ PATH: process.env.PATH, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token, CLOUDFLARE_ACCOUNT_ID: emulator().accountId });
const roleId = (name: string) => legacyRoles.find((r) => r.name === name)!.id;
/** A role holder's email that moves the cursor and ends the line (lower case, as the API reads emails: fact 56). */
const hostile = "ada\u001b[2j\u2028@example.com";

beforeAll(async () => {
  const invited = await fetch(`${emulator().baseUrl}/accounts/${emulator().accountId}/members`, {
    method: "POST",
    headers: { authorization: `Bearer ${emulator().token}`, "content-type": "application/json" },
    body: JSON.stringify({ email: hostile, roles: [roleId("DNS")] }),
  });
  expect(invited.ok).toBe(true);
  await admin(emulator(), "PUT", `/account_members/${accountMembers[0].id}/access`, { roles: [roleId("Administrator Read Only")] });
  await resetStats(emulator());
});

it("prints each role holder's plan, the seeded ones and the invite, and sends no write", async () => {
  const { stdout } = await cloudflareIamOk(["migrate-roles"], env());
  const members = stdout.split("\n\n").slice(1, -1);
  expect(members).toEqual([
    `${accountMembers[0].email}\n  role Administrator Read Only → permission group Administrator Read Only (admin_readonly) on the whole account (the API already answers it so: nothing to write)`,
    '"ada\\u001b[2j\\u2028@example.com"\n  role DNS kept as a role: no equivalent permission group is known',
    "charles.babbage@example.com\n  role Super Administrator - All Privileges → permission group Super Administrator - All Privileges (all_privileges) on the whole account (the API already answers it so: nothing to write)",
    "radia.liskov56@example.com\n  role Administrator → permission group Administrator (admin) on the whole account (the API already answers it so: nothing to write)",
  ]);
  expect(writeCount(await stats(emulator()))).toBe(0);
});

it("--format json and --format markdown say the same, and send no write", async () => {
  const json = JSON.parse((await cloudflareIamOk(["migrate-roles", "--format", "json"], env())).stdout);
  expect(json.members.map((m: { email: string }) => m.email)).toEqual([accountMembers[0].email, hostile, "charles.babbage@example.com", "radia.liskov56@example.com"]);
  const markdown = (await cloudflareIamOk(["migrate-roles", "--format", "markdown"], env())).stdout;
  expect(markdown).toContain("- `ada⟨U+001B⟩[2j⟨U+2028⟩@example.com`\n  - role `DNS` kept as a role: no equivalent permission group is known\n");
  expect(writeCount(await stats(emulator()))).toBe(0);
});

it("without an account, a usage error", async () => {
  const run = await cloudflareIam(["migrate-roles"], { PATH: process.env.PATH });
  expect([run.code, run.stderr.trim()]).toEqual([2, "error: --account <id> is required (or set CLOUDFLARE_ACCOUNT_ID)"]);
});
