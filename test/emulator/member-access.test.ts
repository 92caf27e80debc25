/**
 * fact 62: a member's roles and policies mirror each other in answers, whichever was set;
 * fact 73: roles are whole Role objects; fact 61: policies carry ids and expanded groups.
 */
import { accountMembers, accountOwner, legacyRoles, permissionGroups } from "../../emulator";
import { admin, useEmulator } from "../support/emulator";
import { api } from "../support/provider";

const emulator = useEmulator();
const role = (name: string) => legacyRoles.find((r) => r.name === name)!;
const group = (name: string) => permissionGroups.find((pg) => pg.name === name)!.id;
const byEmail = (email: string) => accountMembers.find((m) => m.email === email)!;
let systemGroup: string;

interface MemberView {
  roles: { id: string; name: string }[];
  policies: { id: string; access: string; permission_groups: { id: string }[]; resource_groups: { id?: string; scope?: unknown }[] }[];
}
const member = (id: string) => api(emulator())<MemberView>("GET", `/members/${id}`);
const grants = ({ roles, policies }: MemberView) => ({
  roles: roles.map((r) => r.name),
  policies: policies.map((p) => ({ access: p.access, permissionGroups: p.permission_groups.map((g) => g.id), resourceGroups: p.resource_groups.map((r) => r.id ?? r.scope) })),
});
const setAccess = (id: string, body: object) => admin(emulator(), "PUT", `/account_members/${id}/access`, body);

beforeAll(async () => {
  const groups = await api(emulator())<{ id: string; name: string }[]>("GET", "/iam/resource_groups");
  systemGroup = groups.find((g) => g.name === `com.cloudflare.api.account.${emulator().accountId}`)!.id;
});

describe("seeded", () => {
  it("the owner holds Super Administrator, mirrored as the all_privileges group on the whole account", async () => {
    expect(grants(await member(accountOwner.id))).toEqual({
      roles: ["Super Administrator - All Privileges"],
      policies: [{ access: "allow", permissionGroups: [group("Super Administrator - All Privileges")], resourceGroups: [systemGroup] }],
    });
  });

  it("a member holding Administrator by role reads back with one policy granting the admin group (fact 62)", async () => {
    const view = await member(byEmail("radia.liskov56@example.com").id);
    expect(grants(view)).toEqual({ roles: ["Administrator"], policies: [{ access: "allow", permissionGroups: [group("Administrator")], resourceGroups: [systemGroup] }] });
    expect(view.policies[0].id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("direct policies that mirror no role read back with no role: Billing Read on the account, DNS Write on a zone written inline", async () => {
    expect(grants(await member(byEmail("shafi.liskov57@example.com").id))).toEqual({
      roles: [],
      policies: [{ access: "allow", permissionGroups: [group("Billing Read")], resourceGroups: [systemGroup] }],
    });
    const dns = grants(await member(byEmail("tim.liskov58@example.com").id));
    expect(dns.roles).toEqual([]);
    expect(dns.policies).toEqual([
      {
        access: "allow",
        permissionGroups: [group("DNS Write")],
        resourceGroups: [
          {
            key: `com.cloudflare.api.account.${emulator().accountId}`,
            objects: [expect.objectContaining({ key: expect.stringMatching(/^com\.cloudflare\.api\.account\.zone\./) })],
          },
        ],
      },
    ]);
  });

  it("every other member holds nothing directly", async () => {
    expect(grants(await member(accountMembers[0].id))).toEqual({ roles: [], policies: [] });
  });
});

describe("set through the admin endpoint", () => {
  const subject = accountMembers[20].id;

  it("a policy granting Administrator Read Only on the whole account reads back with that role too", async () => {
    await setAccess(subject, { policies: [{ access: "allow", permission_groups: [{ id: group("Administrator Read Only") }], resource_groups: [{ id: systemGroup }] }] });
    expect((await member(subject)).roles).toEqual([role("Administrator Read Only")]);
  });

  it("the same group on a narrower resource mirrors no role", async () => {
    const zones = await api(emulator())<{ id: string }>("POST", "/iam/resource_groups", {
      name: "some zones",
      scope: { key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: "com.cloudflare.api.account.zone.abc" }] },
    });
    await setAccess(subject, { policies: [{ access: "allow", permission_groups: [{ id: group("Administrator") }], resource_groups: [{ id: zones.id }] }] });
    expect(grants(await member(subject))).toEqual({ roles: [], policies: [{ access: "allow", permissionGroups: [group("Administrator")], resourceGroups: [zones.id] }] });
  });

  it("a role with no permission group of its own reads back with no policy", async () => {
    await setAccess(subject, { roles: [role("DNS").id] });
    expect(grants(await member(subject))).toEqual({ roles: ["DNS"], policies: [] });
  });

  it("each role that mirrors a group reads back as one policy of its own", async () => {
    await setAccess(subject, { roles: [role("Administrator").id, role("Administrator Read Only").id] });
    const { policies } = grants(await member(subject));
    expect(policies).toHaveLength(2);
    expect(policies.map((p) => p.permissionGroups[0]).sort()).toEqual([group("Administrator"), group("Administrator Read Only")].sort());
  });
});
