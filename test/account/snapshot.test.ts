/** readAccount against the emulator: the access members hold directly, and the roles that name it. */
import { readAccount, snapshotNotes } from "../../account/snapshot";
import { accountMembers, accountOwner, legacyRoles, permissionGroups } from "../../emulator";
import { CloudflareClient } from "../../provider/client";
import { admin, useEmulator } from "../support/emulator";

const emulator = useEmulator();
const roleId = (name: string) => legacyRoles.find((r) => r.name === name)!.id;
const groupId = (name: string) => permissionGroups.find((pg) => pg.name === name)!.id;
const email = (address: string) => accountMembers.find((m) => m.email === address)!;
// A fresh client each time: account-wide lists are read once per client (provider/client/once.ts).
const read = () => readAccount(new CloudflareClient({ baseUrl: emulator().baseUrl, token: emulator().token }), emulator().accountId);

describe("with the roles readable", () => {
  let snapshot: Awaited<ReturnType<typeof readAccount>>;
  const member = (id: string) => snapshot.members.find((m) => m.id === id)!;
  beforeAll(async () => {
    snapshot = await read();
  });

  it("fact 74: the owner holds Super Administrator, and its mirrored policy on the whole account (fact 62)", () => {
    const system = snapshot.resourceGroups.find((g) => g.system)!.id;
    expect(member(accountOwner.id)).toEqual({
      id: accountOwner.id,
      email: accountOwner.email,
      status: "accepted",
      roles: [roleId("Super Administrator - All Privileges")],
      policies: [{ access: "allow", permissionGroups: [groupId("Super Administrator - All Privileges")], resourceGroups: [system], scopes: [] }],
    });
  });

  it("a member holds Administrator by role", () => {
    expect(member(email("radia.liskov56@example.com").id).roles).toEqual([roleId("Administrator")]);
  });

  it("direct policies: Billing Read on the account, DNS Write on a zone written inline (fact 24)", () => {
    const system = snapshot.resourceGroups.find((g) => g.system)!.id;
    expect(member(email("shafi.liskov57@example.com").id)).toMatchObject({
      roles: [],
      policies: [{ access: "allow", permissionGroups: [groupId("Billing Read")], resourceGroups: [system], scopes: [] }],
    });
    expect(member(email("tim.liskov58@example.com").id).policies).toEqual([
      {
        access: "allow",
        permissionGroups: [groupId("DNS Write")],
        resourceGroups: [],
        scopes: [{ key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: expect.stringMatching(/^com\.cloudflare\.api\.account\.zone\./) }] }],
      },
    ]);
  });

  it("every member is there, most holding nothing directly", () => {
    expect(snapshot.members.map((m) => m.id).sort()).toEqual(accountMembers.map((m) => m.id).sort());
    expect(snapshot.members.filter((m) => m.roles.length || m.policies.length)).toHaveLength(4);
  });

  it("the roles catalogue names every role id a member holds", () => {
    expect(snapshot.roles.map((r) => r.name)).toEqual(legacyRoles.map((r) => r.name));
    expect(snapshot.roles.find((r) => r.id === roleId("Administrator Read Only"))!.permissions.zones).toEqual({ read: true, edit: false });
    const named = new Set(snapshot.roles.map((r) => r.id));
    expect(snapshot.members.flatMap((m) => m.roles).every((id) => named.has(id))).toBe(true);
    expect(snapshot.rolesUnknown).toBeUndefined();
  });
});

describe.each([
  ["forbidden", "the API token may not read the account's roles (403)"],
  ["removed", "the account's roles API is gone (404): Cloudflare deprecated it"],
])("with the roles API %s", (answer, reason) => {
  beforeAll(() => admin(emulator(), "PUT", "/roles_api", { answer }));
  afterAll(() => admin(emulator(), "PUT", "/roles_api", { answer: "served" }));

  it("says why the role names are unknown, and keeps every member's role ids", async () => {
    const snapshot = await read();
    expect(snapshot.rolesUnknown).toBe(reason);
    expect(snapshot.roles).toEqual([]);
    expect(snapshot.members.find((m) => m.id === accountOwner.id)!.roles).toEqual([roleId("Super Administrator - All Privileges")]);
    expect(snapshotNotes(snapshot)).toContain(`could not read the account's roles: ${reason}; members' role ids are kept, their names unknown`);
  });
});
