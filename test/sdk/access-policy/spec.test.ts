import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveNames } from "../../../sdk/access-policy/resolve";
import { MAX_ACCESS_FILE_BYTES, parseAccessSpec, readAccessFile } from "../../../sdk/access-policy/spec";

const policy = { access: "allow", permissionGroups: ["Zone Read"], resourceGroups: ["prod"] };
const prod = { name: "prod", scope: { objects: ["com.cloudflare.api.account.zone.a"] } };
const grafana = {
  clientName: "Grafana",
  grantTypes: ["authorization_code"],
  redirectUris: ["https://grafana.example.com/login"],
  responseTypes: ["code"],
  scopes: ["zone.read"],
  tokenEndpointAuthMethod: "client_secret_post",
};

/** An access file with this text, in a fresh folder. */
function fileWith(text: string | Buffer, name = "access.yaml"): string {
  const file = join(mkdtempSync(join(tmpdir(), "spec-")), name);
  writeFileSync(file, text);
  return file;
}

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

  it("refuses an unknown key wherever it is, naming its path", () => {
    const spec = {
      resourceGroup: [],
      resourceGroups: [prod],
      userGroups: [{ name: "SRE", member: ["ada@example.com"], policies: [{ ...policy, permissionGroup: ["DNS Write"] }] }],
      oauthClients: [{ ...grafana, scopse: ["zone.read"] }],
    };
    expect(() => parseAccessSpec(spec, "access.yaml")).toThrow(
      [
        "access.yaml: 4 problems:",
        '  - userGroups[0] "SRE".policies[0].permissionGroup: unknown key',
        '  - userGroups[0] "SRE".member: unknown key',
        '  - oauthClients[0] "Grafana".scopse: unknown key',
        "  - resourceGroup: unknown key",
      ].join("\n"),
    );
  });

  it("takes exactly the OAuthClient resource's arguments in an oauthClients entry, checked by its schema", () => {
    const spec = parseAccessSpec({ oauthClients: [{ ...grafana, key: "grafana", logoUri: "https://grafana.example.com/logo.png" }] }, "access.yaml");
    expect(spec.oauthClients[0]).toMatchObject({ key: "grafana", clientName: "Grafana", logoUri: "https://grafana.example.com/logo.png" });
    // The account is the AccessPolicy's; an entry of its own would be silently overridden.
    expect(() => parseAccessSpec({ oauthClients: [{ ...grafana, accountId: "0".repeat(32) }] }, "a.yaml")).toThrow('a.yaml: oauthClients[0] "Grafana".accountId: unknown key');
    expect(() => parseAccessSpec({ oauthClients: [{ ...grafana, redirectUris: ["http://grafana.example.com"] }] }, "a.yaml")).toThrow(
      'a.yaml: oauthClients[0] "Grafana".redirectUris[0]: must be an absolute https URL (plain http only for localhost)',
    );
  });

  it("writes names and keys from the file into its errors inertly: no control character reaches a terminal", () => {
    const spec = { userGroups: [{ name: "SRE\u001b[2J\u2028", policies: [], "x\u001b]0;t\u0007": 1 }] };
    expect(() => parseAccessSpec(spec, "a.yaml")).toThrow('a.yaml: userGroups[0] "SRE\\u001b[2J\\u2028".x\\u001b]0;t\\u0007: unknown key');
  });
});

describe("readAccessFile", () => {
  it("refuses YAML aliases, and a billion laughs fails at once", () => {
    const lol = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [i, name] of [..."bcdefghij"].entries()) lol.push(`${name}: &${name} [${Array(9).fill(`*${"abcdefghij"[i]}`).join(", ")}]`);
    const file = fileWith(lol.join("\n"));
    const started = Date.now();
    expect(() => readAccessFile(file)).toThrow(`${file}: line 2: YAML aliases (*name) are not allowed in an access file: write each entry out in full`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(() => readAccessFile(fileWith("resourceGroups: []\nuserGroups:\n  - &sre {name: SRE}\n  - *sre\n"))).toThrow(/: line 4: YAML aliases/);
    // An anchor alone changes nothing.
    expect(readAccessFile(fileWith("userGroups:\n  - &sre {name: SRE}\n"))).toEqual({ userGroups: [{ name: "SRE" }] });
  });

  it(`refuses a file over ${MAX_ACCESS_FILE_BYTES} bytes, and anything but a regular file`, () => {
    const file = fileWith(Buffer.alloc(MAX_ACCESS_FILE_BYTES + 1, " "));
    expect(() => readAccessFile(file)).toThrow(`${file}: 4194305 bytes: an access file is at most 4 MiB (4194304 bytes)`);
    expect(readAccessFile(fileWith(`${" ".repeat(MAX_ACCESS_FILE_BYTES - 20)}\nuserGroups: []`))).toEqual({ userGroups: [] });
    const folder = mkdtempSync(join(tmpdir(), "spec-"));
    expect(() => readAccessFile(folder)).toThrow(`${folder}: not a regular file`);
    // A device would never end: it is refused before any read.
    expect(() => readAccessFile("/dev/zero")).toThrow("/dev/zero: not a regular file");
  });

  it("refuses what YAML would only warn about: an unknown tag, a duplicate key", () => {
    expect(() => readAccessFile(fileWith("userGroups: !include groups.yaml\n"))).toThrow(/access\.yaml: line 1: .*!include/);
    expect(() => readAccessFile(fileWith("userGroups: []\nuserGroups: []\n"))).toThrow(/access\.yaml: line 2: Map keys must be unique/);
  });

  it("quotes no raw text of the file in its errors", () => {
    const message = (() => {
      try {
        readAccessFile(fileWith('{"userGroups": \u001b[2J}', "access.json"));
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/access\.json: /);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: an ESC in the message would let hostile input drive the terminal
    expect(message).not.toMatch(/\u001b/);
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
    expect(resolveNames(spec, catalogues, "f")).toEqual([{ permissionGroupIds: [["a".repeat(32)]], members: [{ id: "d".repeat(32) }, { id: "d".repeat(32) }] }]);
  });

  it("quotes the file's names in its errors inertly", () => {
    const spec = parseAccessSpec(
      { resourceGroups: [prod], userGroups: [{ name: "SR\u2028E", policies: [{ ...policy, permissionGroups: ["Zone\u001b[2J"] }], members: ["eve\r@example.com"] }] },
      "f",
    );
    expect(() => resolveNames(spec, catalogues, "f")).toThrow(
      [
        "f: 2 problems:",
        '  - userGroups[0] "SR\\u2028E".policies[0]: unknown permission group "Zone\\u001b[2J"',
        '  - userGroups[0] "SR\\u2028E".members: "eve\\u000d@example.com" is not a member of the account',
      ].join("\n"),
    );
    expect(() => parseAccessSpec({ userGroups: [{ name: "a\u0085" }, { name: "a\u0085" }] }, "f")).toThrow(
      'f: userGroups[1]: duplicate user group "a\\u0085" (first at userGroups[0])',
    );
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
        '  - userGroups[0] "SRE".members: "eve@example.com" is not a member of the account; to invite them, write {email, invite: true} or set members.invite: true',
      ].join("\n"),
    );
  });

  describe("invites (issue 19)", () => {
    const sre = (members: unknown[]) => ({ name: "SRE", policies: [policy], members });

    it("a person not in the account is invited when their entry says so, or when the file does", () => {
      const own = parseAccessSpec({ resourceGroups: [prod], userGroups: [sre([{ email: "Eve@example.com", invite: true }, "ada@example.com"])] }, "f");
      expect(resolveNames(own, catalogues, "f")[0].members).toEqual([{ invite: "eve@example.com" }, { id: "d".repeat(32) }]);
      const whole = parseAccessSpec({ members: { invite: true }, resourceGroups: [prod], userGroups: [sre(["eve@example.com"])] }, "f");
      expect(resolveNames(whole, catalogues, "f")[0].members).toEqual([{ invite: "eve@example.com" }]);
    });

    it("an entry's invite: false overrides the file's, and an id is never invited", () => {
      const spec = parseAccessSpec({ members: { invite: true }, resourceGroups: [prod], userGroups: [sre([{ email: "eve@example.com", invite: false }, "e".repeat(32)])] }, "f");
      expect(() => resolveNames(spec, catalogues, "f")).toThrow(
        [
          "f: 2 problems:",
          '  - userGroups[0] "SRE".members: "eve@example.com" is not a member of the account; to invite them, write {email, invite: true} or set members.invite: true',
          `  - userGroups[0] "SRE".members: "${"e".repeat(32)}" is not a member of the account`,
        ].join("\n"),
      );
    });

    it("refuses a malformed person entry, and an unknown key of the members section, at their paths", () => {
      expect(() => parseAccessSpec({ members: { invite: true, offbaord: true }, userGroups: [sre([{ email: "not an address", invite: "yes" }])] }, "f")).toThrow(
        [
          "f: 3 problems:",
          "  - members.offbaord: unknown key",
          '  - userGroups[0] "SRE".members[0].email: must be an email address',
          '  - userGroups[0] "SRE".members[0].invite: Expected boolean, received string',
        ].join("\n"),
      );
    });
  });
});
