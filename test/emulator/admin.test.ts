/** The admin endpoints that set what no API call of ours sets: a member's direct grants, and the roles API's answer. */
import { accountMembers, legacyRoles, permissionGroups } from "../../emulator";
import { admin, useEmulator } from "../support/emulator";
import { api } from "../support/provider";

const emulator = useEmulator();
const subject = accountMembers[21].id;
const roleId = (name: string) => legacyRoles.find((r) => r.name === name)!.id;
const group = (name: string) => permissionGroups.find((pg) => pg.name === name)!.id;
const setAccess = (id: string, body: object) => admin(emulator(), "PUT", `/account_members/${id}/access`, body);
const heldRoles = async (id: string) => (await api(emulator())<{ roles: { name: string }[] }>("GET", `/members/${id}`)).roles.map((r) => r.name);
let systemGroup: string;

beforeAll(async () => {
  const groups = await api(emulator())<{ id: string; name: string }[]>("GET", "/iam/resource_groups");
  systemGroup = groups.find((g) => g.name.startsWith("com.cloudflare.api.account."))!.id;
});

describe("PUT /account_members/{id}/access", () => {
  it("fact 64: replaces what the member held", async () => {
    await setAccess(subject, { roles: [roleId("Administrator")] });
    await setAccess(subject, { roles: [roleId("Billing")] });
    expect(await heldRoles(subject)).toEqual(["Billing"]);
  });

  it("fact 63: sent both, the policies win", async () => {
    await setAccess(subject, {
      roles: [roleId("Administrator")],
      policies: [{ access: "allow", permission_groups: [{ id: group("Administrator Read Only") }], resource_groups: [{ id: systemGroup }] }],
    });
    expect(await heldRoles(subject)).toEqual(["Administrator Read Only"]);
  });

  it("fact 70: refuses a role the account cannot assign, and an unknown permission group, changing nothing", async () => {
    await setAccess(subject, { roles: [roleId("DNS")] });
    await expect(setAccess(subject, { roles: ["f".repeat(32)] })).rejects.toThrow("Invalid role assignments found");
    await expect(
      setAccess(subject, { policies: [{ access: "allow", permission_groups: [{ id: "e".repeat(32) }], resource_groups: [{ id: systemGroup }] }] }),
    ).rejects.toThrow("unknown permission group");
    expect(await heldRoles(subject)).toEqual(["DNS"]);
  });

  it("refuses a body with neither roles nor policies, and someone who is not a member", async () => {
    await expect(setAccess(subject, {})).rejects.toThrow("send roles or policies");
    await expect(setAccess("a".repeat(32), { roles: [] })).rejects.toThrow("no account member");
  });

  it("persists with the account, and a reset restores the seeded grants", async () => {
    await setAccess(subject, { roles: [roleId("Firewall")] });
    const state = await admin<{ memberAccess: Record<string, unknown> }>(emulator(), "GET", "/state");
    expect(state.memberAccess[subject]).toEqual({ roles: [roleId("Firewall")] });
    await admin(emulator(), "DELETE", "/state");
    expect(await heldRoles(subject)).toEqual([]);
  });
});

describe("PUT /roles_api", () => {
  const rolesStatus = async () =>
    (await fetch(`${emulator().baseUrl}/accounts/${emulator().accountId}/roles`, { headers: { authorization: `Bearer ${emulator().token}` } })).status;
  afterAll(() => admin(emulator(), "PUT", "/roles_api", { answer: "served" }));

  it("makes the roles endpoints refuse as for a token without the permission (403) or once removed (404), then serve again", async () => {
    await admin(emulator(), "PUT", "/roles_api", { answer: "forbidden" });
    expect(await rolesStatus()).toBe(403);
    await admin(emulator(), "PUT", "/roles_api", { answer: "removed" });
    expect(await rolesStatus()).toBe(404);
    await admin(emulator(), "PUT", "/roles_api", { answer: "served" });
    expect(await rolesStatus()).toBe(200);
    await expect(admin(emulator(), "PUT", "/roles_api", { answer: "sometimes" })).rejects.toThrow("HTTP 400");
  });
});
