/** `cloudflare-iam generate` with hostile names in the account: what reaches the terminal is inert. */
import { cloudflareIamOk } from "../support/cli";
import { admin, useEmulator } from "../support/emulator";
import { api } from "../support/provider";

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
