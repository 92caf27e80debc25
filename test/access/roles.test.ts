/** The one mapping of legacy roles to permission groups (fact 77), and the echo of a policy in `roles` (fact 77, inferred). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { echoesPolicy, ROLE_LABELS, roleEquivalent } from "../../access/roles";
import { PROJECT_ROOT } from "../support/pulumi";

const group = (id: string, name: string, label: string) => ({ id, name, label, description: "", scopes: [] });
/** Permission groups whose names are not the roles', so only the labels can match them. */
const byLabel = [group("pg-super", "All privileges", "all_privileges"), group("pg-admin", "Admin", "admin"), group("pg-ro", "Admin RO", "admin_readonly")];

it.each([
  ["Super Administrator - All Privileges", "pg-super"],
  ["Administrator", "pg-admin"],
  ["Administrator Read Only", "pg-ro"],
])("fact 77: role %j maps to the permission group labelled for it", (role, id) => {
  expect(roleEquivalent({ name: role }, byLabel)?.id).toBe(id);
});

it("a permission group of the role's own name comes first", () => {
  expect(roleEquivalent({ name: "Administrator" }, [...byLabel, group("pg-named", "Administrator", "other")])?.id).toBe("pg-named");
});

it.each(["DNS", "Billing", "", "administrator"])("role %j has no known equivalent", (role) => {
  expect(roleEquivalent({ name: role }, byLabel)).toBeUndefined();
});

it("fact 77: a role id that is a permission group's id echoes a policy; a role's own id does not", () => {
  expect(echoesPolicy("pg-admin", byLabel)).toBe(true);
  expect(echoesPolicy("role-admin", byLabel)).toBe(false);
});

it("docs/roles-migration.md lists exactly this mapping", () => {
  const doc = readFileSync(join(PROJECT_ROOT, "docs/roles-migration.md"), "utf8");
  const rows = [...doc.matchAll(/^\| `([^`]+)` \| (`.+`) \|$/gm)].map(([, role, labels]) => [role, [...labels.matchAll(/`([^`]+)`/g)].map((m) => m[1])]);
  expect(Object.fromEntries(rows)).toEqual(ROLE_LABELS);
});
