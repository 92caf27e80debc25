/** The account's members: read as the API pages them, under the ids user groups take, leniently, with the roles and policies they hold directly. */
import { allAccountMembers, apiAccountMember, toAccountMember, toDirectGrants } from "../../account/account-members";
import { accountMembers } from "../../emulator";
import { clientFor } from "../../provider/runtime";
import { requestsTo, useApiProxy } from "../support/api-proxy";
import { useEmulator } from "../support/emulator";

const emulator = useEmulator();
const proxy = useApiProxy(emulator);

it("fact 49: asks 50 a page, and reads every member", async () => {
  const members = await allAccountMembers(clientFor({ baseUrl: proxy().baseUrl, token: proxy().token }), proxy().accountId);
  expect(members).toHaveLength(accountMembers.length);
  // 60 members: a full page of 50, then a short one that ends the list.
  expect(requestsTo(proxy(), "GET", /\/members$/).map((r) => [r.query.get("page"), r.query.get("per_page")])).toEqual([
    ["1", "50"],
    ["2", "50"],
  ]);
});

it("fact 32: a member's id is the account membership id, not the user id", async () => {
  const members = await allAccountMembers(clientFor({ baseUrl: proxy().baseUrl, token: proxy().token }), proxy().accountId);
  const ada = accountMembers[0];
  expect(ada.user.id).not.toBe(ada.id);
  expect(members.find((m) => m.email === ada.email)?.id).toBe(ada.id);
});

const ID = "d".repeat(32);
const ADMIN = "05784afa30c1afe1440e79d9351c7430";
const READ_ONLY = "f2b20eaa1a5d4af42b53ac16238c99c7";
const read = (member: object) => {
  const api = apiAccountMember.parse({ id: ID, status: "accepted", ...member });
  return { ...toAccountMember(api), ...toDirectGrants(api) };
};

describe("roles", () => {
  it.each([
    [
      "whole Role objects, as GET answers (fact 73)",
      [
        { id: ADMIN, name: "Administrator", permissions: {} },
        { id: READ_ONLY, name: null },
      ],
      [ADMIN, READ_ONLY],
    ],
    ["bare ids, as POST takes them (fact 52)", [READ_ONLY, ADMIN], [ADMIN, READ_ONLY]],
    ["both at once, the same role twice", [ADMIN, { id: ADMIN }], [ADMIN]],
    ["null", null, []],
    ["an object without an id, which names nothing to keep", [{ id: null, name: "Administrator" }, { name: "DNS" }], []],
  ])("%s", (_, roles, ids) => {
    expect(read({ roles }).roles).toEqual(ids);
  });

  it("missing", () => {
    expect(read({}).roles).toEqual([]);
  });
});

describe("policies (fact 61)", () => {
  const scope = {
    key: "com.cloudflare.api.account.023e105f4ecef8ad9ca31a8372d0c353",
    objects: [{ key: "com.cloudflare.api.account.zone.z2" }, { key: "com.cloudflare.api.account.zone.z1" }],
  };

  it("reads expanded groups to ids and inline scopes, without the read-only policy id", () => {
    const { policies } = read({
      policies: [
        {
          id: "8d82cf8c15c64e07a4bee58e00d80bca",
          access: "allow",
          permission_groups: [
            { id: "b".repeat(32), name: "DNS Write", meta: { label: "dns_write" } },
            { id: "a".repeat(32), name: "Zone Read" },
          ],
          resource_groups: [{ id: "c".repeat(32), name: "prod", meta: { editable: "true" }, scope }, { scope }],
        },
      ],
    });
    expect(policies).toEqual([
      {
        access: "allow",
        permissionGroups: ["a".repeat(32), "b".repeat(32)],
        resourceGroups: ["c".repeat(32)],
        scopes: [{ key: scope.key, objects: [{ key: "com.cloudflare.api.account.zone.z1" }, { key: "com.cloudflare.api.account.zone.z2" }] }],
      },
    ]);
  });

  it.each([
    ["null", null],
    ["missing", undefined],
  ])("%s: none", (_, policies) => {
    expect(read({ policies }).policies).toEqual([]);
  });

  it("null fields inside a policy read as empty", () => {
    expect(read({ policies: [{ id: null, access: "allow", permission_groups: null, resource_groups: null }] }).policies).toEqual([
      { access: "allow", permissionGroups: [], resourceGroups: [], scopes: [] },
    ]);
  });
});

describe("the member itself", () => {
  it("fact 56: the email from user.email or the top level, in lower case", () => {
    expect(read({ user: { email: "Ada@Example.COM" }, email: null }).email).toBe("ada@example.com");
    expect(read({ user: null, email: "Ada@Example.COM" }).email).toBe("ada@example.com");
    expect(read({ user: { email: null }, email: "Bob@Example.com" }).email).toBe("bob@example.com");
  });

  it("fact C9: an all-zero id is unknown, never a membership id to act on; what it holds is kept", () => {
    const member = read({ id: "0".repeat(32), email: "ci@example.com", roles: [ADMIN] });
    expect(member).toMatchObject({ id: "", email: "ci@example.com", roles: [ADMIN] });
  });
});
