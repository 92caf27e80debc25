/**
 * The generated access file is inert: with hostile names of every kind it reads back, through
 * the same reader and schema `AccessPolicy` uses, to exactly the account's names.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as fc from "fast-check";
import type { AccountSnapshot } from "../../account/snapshot";
import { accessFile } from "../../generator/access-file";
import { MAX_ACCESS_FILE_BYTES, parseAccessSpec, readAccessFile } from "../../sdk/access-policy/spec";
import { fixedHostileNames, hostileNames, hostileSnapshot } from "../support/hostile-account";

const work = mkdtempSync(join(tmpdir(), "generated-access-"));

/** The generated file, read back as `AccessPolicy` reads it. */
function readBack(account: AccountSnapshot) {
  const file = join(work, "access.yaml");
  writeFileSync(file, accessFile(account));
  return parseAccessSpec(readAccessFile(file), file);
}

function expectSameNames(account: AccountSnapshot): void {
  const spec = readBack(account);
  const ownGroups = account.resourceGroups.filter((g) => !g.system);
  expect(spec.resourceGroups.map((g) => g.name)).toEqual(ownGroups.map((g) => g.name));
  expect(spec.userGroups.map((g) => g.name)).toEqual(account.userGroups.map((g) => g.name));
  expect(spec.userGroups.map((g) => g.scim)).toEqual(account.userGroups.map((g) => g.scimManaged));
  // Each name is unique, so policies and members name them rather than their ids.
  const resourceGroupName = new Map(ownGroups.map((g) => [g.id, g.name]));
  spec.userGroups.forEach((group, i) => {
    const [policy] = account.userGroups[i].policies;
    expect(group.policies.map((p) => [p.permissionGroups, p.resourceGroups])).toEqual([
      [account.permissionGroups.map((g) => g.name), policy.resourceGroups.map((id) => resourceGroupName.get(id))],
    ]);
    expect(group.members).toEqual(group.scim ? undefined : account.members.map((m) => m.email).sort());
  });
  expect(spec.ssoConnectors.map((c) => c.emailDomain)).toEqual(account.ssoConnectors.map((c) => c.emailDomain));
  expect(spec.oauthClients.map((c) => c.clientName)).toEqual(account.oauthClients.map((c) => c.args.clientName));
}

describe("accessFile", () => {
  it("reads back to exactly the names, with every hostile name fast-check makes, of every kind", () => {
    fc.assert(
      fc.property(hostileNames, (names) => expectSameNames(hostileSnapshot(names))),
      { numRuns: 200 },
    );
  });

  it("reads back to exactly the names with injections, the issue's SCIM group and a 70,000-character name", () => {
    expectSameNames(hostileSnapshot(fixedHostileNames));
  });

  it("fits an account of 100 user groups of 500 members each (50,000 memberships) within an access file's cap", () => {
    const names = {
      resourceGroups: ["production zones"],
      userGroups: Array.from({ length: 100 }, (_, i) => `Team ${i}`),
      emails: Array.from({ length: 500 }, (_, i) => `first.last${i}@example.com`),
      permissionGroups: ["DNS Write", "Zone Read"],
      oauthClients: ["Grafana"],
      domains: ["example.com"],
      roles: ["DNS"],
      notes: ["system"],
    };
    const account = hostileSnapshot(names);
    // Every group holds every member (none is SCIM's here).
    for (const group of account.userGroups) Object.assign(group, { scimManaged: false, memberIds: account.members.map((m) => m.id) });
    expect(Buffer.byteLength(accessFile(account))).toBeLessThan(MAX_ACCESS_FILE_BYTES);
  });

  it("writes notes as one comment line each, and every name as a double-quoted string", () => {
    const text = accessFile(hostileSnapshot({ ...fixedHostileNames, notes: ["a\nuserGroups: []\u2028b"], userGroups: ["SRE", "From\rOkta"] }));
    expect(text).toContain('# skipped resource group "a\\u000auserGroups: []\\u2028b" (e0000000000000000000000000000000): a predefined system resource group\n');
    expect(text).toContain('# user group "From\\u000dOkta" (d0000000000000000000000000000001) is managed by SCIM');
    expect(text).toContain('  - name: "From\\u000dOkta"\n');
  });
});
