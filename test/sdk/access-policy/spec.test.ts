import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveNames } from "../../../sdk/access-policy/resolve";
import { parseAccessSpec, readAccessFile } from "../../../sdk/access-policy/spec";

const policy = { access: "allow", permissionGroups: ["Zone Read"], resourceGroups: ["prod"] };
const prod = { name: "prod", scope: { objects: ["com.cloudflare.api.account.zone.a"] } };

describe("parseAccessSpec", () => {
  it("names the file, the entry and the rule for structural problems", () => {
    expect(() => parseAccessSpec({ resourceGroups: [prod], userGroups: [{ name: "SRE", policies: [{ ...policy, permissionGroups: [] }] }] }, "access.yaml")).toThrow(
      'access.yaml: userGroups[0] "SRE".policies[0].permissionGroups: a policy needs at least one permission group',
    );
    expect(() => parseAccessSpec({ userGroups: [{ name: "SRE", policies: [{ ...policy, access: "maybe" }] }] }, "a.yaml")).toThrow(
      /userGroups\[0\] "SRE".policies\[0\].access: must be allow or deny/,
    );
  });

  it("refuses duplicate names, and policies naming resource groups the file does not define", () => {
    const spec = {
      resourceGroups: [prod, { ...prod }],
      userGroups: [
        { name: "SRE", policies: [{ ...policy, resourceGroups: ["staging"] }] },
        { name: "SRE", policies: [] },
      ],
    };
    expect(() => parseAccessSpec(spec, "access.yaml")).toThrow(
      [
        "access.yaml: 3 problems:",
        '  - resourceGroups[1]: duplicate resource group "prod" (first at resourceGroups[0])',
        '  - userGroups[1]: duplicate user group "SRE" (first at userGroups[0])',
        '  - userGroups[0] "SRE".policies[0]: unknown resource group "staging"; define it under resourceGroups',
      ].join("\n"),
    );
  });

  it("lets a key tell apart entries that share a name", () => {
    const spec = parseAccessSpec({ resourceGroups: [prod, { ...prod, key: "prod (old)" }] }, "access.yaml");
    expect(spec.resourceGroups.map((g) => g.key ?? g.name)).toEqual(["prod", "prod (old)"]);
  });

  it("reports an unreadable file with its name", () => {
    const file = join(mkdtempSync(join(tmpdir(), "spec-")), "broken.yaml");
    writeFileSync(file, "userGroups: [\n  - name: x\n");
    expect(() => readAccessFile(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
  });
});

describe("resolveNames", () => {
  const catalogues = {
    permissionGroups: [
      { id: "a".repeat(32), name: "Zone Read", label: "zone_read", description: "", scopes: [] },
      { id: "b".repeat(32), name: "Twice", label: "t1", description: "", scopes: [] },
      { id: "c".repeat(32), name: "Twice", label: "t2", description: "", scopes: [] },
    ],
    members: [{ id: "d".repeat(32), email: "ada@example.com", status: "accepted" }],
  };

  it("maps permission groups by name and members by email or id", () => {
    const spec = parseAccessSpec({ resourceGroups: [prod], userGroups: [{ name: "SRE", policies: [policy], members: ["ADA@example.com", "d".repeat(32)] }] }, "f");
    expect(resolveNames(spec, catalogues, "f")).toEqual([{ permissionGroupIds: [["a".repeat(32)]], memberIds: ["d".repeat(32), "d".repeat(32)] }]);
  });

  it("reports every unknown or ambiguous name at once", () => {
    const spec = parseAccessSpec(
      {
        resourceGroups: [prod],
        userGroups: [{ name: "SRE", policies: [{ ...policy, permissionGroups: ["Zone Reader", "Twice"] }], members: ["eve@example.com"] }],
      },
      "access.yaml",
    );
    expect(() => resolveNames(spec, catalogues, "access.yaml")).toThrow(
      [
        "access.yaml: 3 problems:",
        '  - userGroups[0] "SRE".policies[0]: unknown permission group "Zone Reader"',
        `  - userGroups[0] "SRE".policies[0]: 2 permission groups are named "Twice"; use one of their ids: ${"b".repeat(32)}, ${"c".repeat(32)}`,
        '  - userGroups[0] "SRE".members: "eve@example.com" is not a member of the account',
      ].join("\n"),
    );
  });
});
