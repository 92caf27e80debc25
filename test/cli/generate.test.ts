/** `cloudflare-iam generate` with hostile names in the account: what reaches the terminal is inert. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { legacyRoles } from "../../emulator";
import { cloudflareIamOk } from "../support/cli";
import { admin, useEmulator } from "../support/emulator";
import { api } from "../support/provider";
import { PROJECT_ROOT } from "../support/pulumi";

const emulator = useEmulator();
/** Clears the screen, returns to the line start, backspaces, ends the line (in JavaScript), reverses the text. */
const hostile = "Okta\u001b[2J\r\b\u2028\u0085\u009b31m\u202eEngineers";

beforeAll(async () => {
  const { id } = await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: hostile });
  await admin(emulator(), "PUT", `/user_groups/${id}/scim`, { externalId: "okta-1" });
});

it.each(["access", "typescript"])("--format %s: the notes on stderr quote names with no control character", async (format) => {
  const env = { PATH: process.env.PATH, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token, CLOUDFLARE_ACCOUNT_ID: emulator().accountId };
  const { stderr } = await cloudflareIamOk(["generate", "--format", format], env);
  expect(stderr).toContain('user group "Okta\\u001b[2J\\u000d\\u0008\\u2028\\u0085\\u009b31m\\u202eEngineers" (');
  // Only the newline that ends each note.
  expect(stderr.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
});

describe("members holding roles or policies of their own", () => {
  const env = () => ({ PATH: process.env.PATH, CLOUDFLARE_BASE_URL: emulator().baseUrl, CLOUDFLARE_API_TOKEN: emulator().token, CLOUDFLARE_ACCOUNT_ID: emulator().accountId });

  beforeAll(async () => {
    const dns = legacyRoles.find((r) => r.name === "DNS")!.id;
    await api(emulator())("POST", "/members", { email: "ken\u001b[2j\u2028@example.com", roles: [dns] });
  });

  it("--format typescript says what becomes of each role, a role kept included, inert", async () => {
    const { stdout, stderr } = await cloudflareIamOk(["generate", "--format", "typescript"], env());
    const radia = stdout.slice(stdout.indexOf('// "radia.liskov56@example.com"'), stdout.indexOf("});", stdout.indexOf('// "radia.liskov56@example.com"')) + 3);
    expect(radia).toMatch(/^\/\/ .*\nnew iam\.AccountMember\(/);
    expect(readFileSync(join(PROJECT_ROOT, "docs/roles-migration.md"), "utf8")).toContain(`\n${radia}\n`);
    expect(stderr).toContain('"ken\\u001b[2j\\u2028@example.com": role "DNS" kept as a role: no equivalent permission group is known\n');
    expect(stderr).toContain(
      '"radia.liskov56@example.com": role "Administrator" → permission group "Administrator" ("admin") on the whole account (the API already answers it so: nothing to write)\n',
    );
    expect(stderr.replace(/\n/g, "")).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
  });

  it("--format access says an access file does not state them, and how to get them", async () => {
    const { stderr } = await cloudflareIamOk(["generate", "--format", "access"], env());
    // The seeded owner, Administrator and two policy holders, and the invite.
    expect(stderr).toContain("5 members hold roles or policies of their own, which an access file does not state: --format typescript writes them\n");
  });
});
