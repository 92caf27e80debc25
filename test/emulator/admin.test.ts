/** The admin endpoints that set what no API call of ours sets: a member's direct grants, and the roles API's answer. */
import { accountMembers, accountOwner, legacyRoles, permissionGroups } from "../../emulator";
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
    await expect(setAccess(subject, { policies: [{ access: "allow", permission_groups: [{ id: "e".repeat(32) }], resource_groups: [{ id: systemGroup }] }] })).rejects.toThrow(
      "unknown permission group",
    );
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

describe("an invite's life outside the API", () => {
  const invite = (email: string) => api(emulator())<{ id: string }>("POST", "/members", { email, roles: [] });
  const status = async (id: string) =>
    (await (await fetch(`${emulator().baseUrl}/accounts/${emulator().accountId}/members/${id}`, { headers: { authorization: `Bearer ${emulator().token}` } })).json()) as {
      result: { status: string } | null;
      errors: { code: number }[];
    };
  const listedIds = async () =>
    [...(await api(emulator())<{ id: string }[]>("GET", "/members?per_page=50&page=1")), ...(await api(emulator())<{ id: string }[]>("GET", "/members?per_page=50&page=2"))].map(
      (m) => m.id,
    );

  it("fact 57: POST /account_members/{id}/accept accepts a pending invite as the invitee would, giving the invitee a Cloudflare user", async () => {
    const { id } = await invite("accepts@example.net");
    const accepted = await admin<{ status: string; user: { id?: string } }>(emulator(), "POST", `/account_members/${id}/accept`);
    expect(accepted).toMatchObject({ status: "accepted", user: { id: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    expect((await status(id)).result?.status).toBe("accepted");
    await expect(admin(emulator(), "POST", `/account_members/${id}/accept`)).rejects.toThrow("not a pending invite");
  });

  it("fact 80: POST /account_members/{id}/expire drops a pending invite out of the list, and GET then gives 1003", async () => {
    const { id } = await invite("expires@example.net");
    expect(await listedIds()).toContain(id);
    await admin(emulator(), "POST", `/account_members/${id}/expire`);
    expect(await listedIds()).not.toContain(id);
    expect((await status(id)).errors).toEqual([expect.objectContaining({ code: 1003 })]);
    expect((await invite("expires@example.net")).id).not.toBe(id);
  });

  it("fact 80: only a pending invite expires", async () => {
    await expect(admin(emulator(), "POST", `/account_members/${accountOwner.id}/expire`)).rejects.toThrow("not a pending invite");
  });

  it("fact 59: POST /users makes an address an existing Cloudflare user, so it may be added as accepted", async () => {
    const user = await admin<{ id: string; email: string }>(emulator(), "POST", "/users", { email: "Signed.Up@example.net", first_name: "Signed" });
    expect(user.email).toBe("signed.up@example.net");
    const member = await api(emulator())<{ status: string; user: { id: string } }>("POST", "/members", { email: "signed.up@example.net", roles: [], status: "accepted" });
    expect(member).toMatchObject({ status: "accepted", user: { id: user.id } });
  });

  it("DELETE /account_members/{id} removes an invited member too", async () => {
    const { id } = await invite("leaves@example.net");
    await admin(emulator(), "DELETE", `/account_members/${id}`);
    expect(await listedIds()).not.toContain(id);
  });
});
