/** docs/emulator.md counts the seed as it is: the figures come from the seed, never typed from memory. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountMembers, accountOwner, cloudflareUsers, legacyRoles, permissionGroups } from "../../emulator";
import { PROJECT_ROOT } from "../support/pulumi";

const text = readFileSync(join(PROJECT_ROOT, "docs/emulator.md"), "utf8").replace(/\s+/g, " ");

it("states how many permission groups, account members and legacy roles are seeded, and who the owner is", () => {
  expect(text).toContain(`Seeded: ${permissionGroups.length} permission groups`);
  expect(text).toContain(`${accountMembers.length} account members`);
  expect(text).toContain(`${accountMembers.length - 1} named ones and, last, the owner \`${accountOwner.email}\``);
  expect(text).toContain(`${legacyRoles.length} legacy roles`);
  expect(text).toContain(`serve ${legacyRoles.length} legacy roles`);
});

it("states how many Cloudflare users are seeded outside the account, and names them", () => {
  const outsiders = cloudflareUsers.filter((u) => !accountMembers.some((m) => m.email === u.email));
  expect(text).toContain(`${outsiders.length} people who are not in the account, ${outsiders.map((u) => `\`${u.email}\``).join(" and ")}`);
});
