/** The account members API over HTTP: invites, changes of direct grants and removal, fact by fact (ACCOUNT-MEMBER-FACTS.md). */
import { accountMembers, legacyRoles, permissionGroups } from "../../../emulator";
import { admin, useEmulator } from "../../support/emulator";
import { untilMembersVisible } from "../../support/provider";

const emulator = useEmulator();
const roleId = (name: string) => legacyRoles.find((r) => r.name === name)!.id;
const group = (name: string) => permissionGroups.find((pg) => pg.name === name)!.id;
const fresh = (() => {
  let n = 0;
  return (prefix = "new") => `${prefix}.hire${++n}@example.net`;
})();

interface Answer {
  status: number;
  body: { success: boolean; result: any; errors: { code: number; message: string }[]; result_info?: { total_count: number } };
}

async function call(method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${emulator().baseUrl}/accounts/${emulator().accountId}${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator().token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

const invite = (body: object) => call("POST", "/members", body);
const invited = async (body: object) => {
  const answer = await invite(body);
  if (!answer.body.success) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.result;
};
const read = async (id: string) => (await call("GET", `/members/${id}`)).body.result;
const roleNames = async (id: string) => ((await read(id)).roles as { name: string }[]).map((r) => r.name);
const failure = (answer: Answer) => [answer.status, answer.body.errors[0]?.code, answer.body.errors[0]?.message];

let systemGroup: string;
let zonesGroup: string;
const policy = (permissionGroup: string, resourceGroup = systemGroup) => ({
  access: "allow",
  permission_groups: [{ id: group(permissionGroup) }],
  resource_groups: [{ id: resourceGroup }],
});

beforeAll(async () => {
  const groups = (await call("GET", "/iam/resource_groups")).body.result as { id: string; name: string }[];
  systemGroup = groups.find((g) => g.name === `com.cloudflare.api.account.${emulator().accountId}`)!.id;
  const zones = await call("POST", "/iam/resource_groups", {
    name: "two zones",
    scope: { key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: "com.cloudflare.api.account.zone.abc" }] },
  });
  zonesGroup = zones.body.result.id;
});

describe("POST /members", () => {
  it("fact 52: takes roles as an array of role-id strings", async () => {
    const member = await invited({ email: fresh(), roles: [roleId("DNS")] });
    expect(await roleNames(member.id)).toEqual(["DNS"]);
  });

  it("fact 52: takes policies instead, and fact 61: answers them with a read-only id and expanded groups", async () => {
    const member = await invited({ email: fresh(), policies: [policy("Billing Read")] });
    expect(member.policies).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        access: "allow",
        permission_groups: [expect.objectContaining({ id: group("Billing Read"), name: "Billing Read", meta: expect.objectContaining({ label: "billing_read" }) })],
        resource_groups: [expect.objectContaining({ id: systemGroup, name: expect.any(String), scope: expect.any(Object), meta: expect.any(Object) })],
      }),
    ]);
  });

  it.each([
    ["access", { permission_groups: [{ id: "x" }], resource_groups: [{ id: "y" }] }],
    ["permission_groups", { access: "allow", resource_groups: [{ id: "y" }] }],
    ["resource_groups", { access: "allow", permission_groups: [{ id: "x" }] }],
  ])("fact 61: a policy without %s is a 400", async (field, incomplete) => {
    const answer = await invite({ email: fresh(), policies: [incomplete] });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toContain(`policies.0.${field}`);
  });

  it("fact 61: a policy sent with an id is refused", async () => {
    const answer = await invite({ email: fresh(), policies: [{ id: "a".repeat(32), ...policy("Billing Read") }] });
    expect(failure(answer)).toEqual([400, 1001, "Cannot re-use policy IDs"]);
  });

  it("fact 63 (C1): roles and policies both sent are accepted, and the policies win", async () => {
    const member = await invited({ email: fresh(), roles: [roleId("DNS")], policies: [policy("Administrator Read Only")] });
    expect(await roleNames(member.id)).toEqual(["Administrator Read Only"]);
  });

  it("fact 57: a new invite is pending", async () => {
    const member = await invited({ email: fresh(), roles: [] });
    expect(member.status).toBe("pending");
    expect((await read(member.id)).status).toBe("pending");
  });

  it("fact 58: status accepted for an address with no Cloudflare user is code 1001, automatic verification", async () => {
    const email = fresh();
    const answer = await invite({ email, roles: [], status: "accepted" });
    expect(failure(answer)).toEqual([400, 1001, "Invalid request: automatic verification of new members is not allowed"]);
    expect((await call("GET", "/members?per_page=50&status=pending")).body.result.map((m: { email: string }) => m.email)).not.toContain(email);
  });

  it("fact 59: status accepted for an existing Cloudflare user adds the member directly, as accepted", async () => {
    const member = await invited({ email: "ken.thompson@example.com", roles: [], status: "accepted" });
    expect(member.status).toBe("accepted");
    expect(member.user).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), email: "ken.thompson@example.com", first_name: "Ken" });
  });

  it("fact 59: a user added through the admin endpoint is an existing user", async () => {
    const email = fresh("signed.up");
    await admin(emulator(), "POST", "/users", { email });
    expect((await invited({ email, roles: [], status: "accepted" })).status).toBe("accepted");
  });

  it("fact 54 (C3): the POST answer has no roles, though a GET shows them", async () => {
    const member = await invited({ email: fresh(), roles: [roleId("Administrator")] });
    expect(member).not.toHaveProperty("roles");
    expect(member.policies).toHaveLength(1);
    expect(await roleNames(member.id)).toEqual(["Administrator"]);
  });

  it("fact 62: invited with the Administrator role, a member reads back with the admin policy; invited with that policy, with the role", async () => {
    const byRole = await read((await invited({ email: fresh(), roles: [roleId("Administrator")] })).id);
    expect(byRole.policies.map((p: { permission_groups: { id: string }[] }) => p.permission_groups.map((g) => g.id))).toEqual([[group("Administrator")]]);
    const byPolicy = await read((await invited({ email: fresh(), policies: [policy("Administrator")] })).id);
    expect(byPolicy.roles.map((r: { id: string }) => r.id)).toEqual([roleId("Administrator")]);
  });

  it("fact 55: the membership id is not the user id", async () => {
    const member = await invited({ email: "dennis.ritchie@example.com", roles: [] });
    expect(member.user.id).toMatch(/^[0-9a-f]{32}$/);
    expect(member.id).not.toBe(member.user.id);
  });

  it("fact 56: the top-level email is the address as sent, user.email its lower-case form", async () => {
    const member = await invited({ email: "Mixed.Case@Example.NET", roles: [] });
    expect([member.email, member.user.email]).toEqual(["Mixed.Case@Example.NET", "mixed.case@example.net"]);
  });

  it("fact 69: a second invite of an address, pending or accepted, in any case, is 400 'already exists'", async () => {
    const email = fresh();
    await invited({ email, roles: [] });
    expect(failure(await invite({ email: email.toUpperCase(), roles: [] }))).toEqual([400, 1001, "Account member already exists for email address"]);
    const accepted = accountMembers.find((m) => m.status === "accepted")!;
    expect(failure(await invite({ email: accepted.email, roles: [] }))[2]).toBe("Account member already exists for email address");
  });

  it("fact 70: an empty email is code 1001", async () => {
    expect(failure(await invite({ email: "", roles: [] })).slice(0, 2)).toEqual([400, 1001]);
  });

  it("fact 70: a role the account cannot assign is code 1001, 'Invalid role assignments found'", async () => {
    expect(failure(await invite({ email: fresh(), roles: ["f".repeat(32)] }))).toEqual([400, 1001, "Invalid request: Invalid role assignments found"]);
  });

  it("fact 70: an account-wide permission group on a resource group of zones is code 1006, and no invite is made", async () => {
    const email = fresh();
    expect(failure(await invite({ email, policies: [policy("Administrator", zonesGroup)] }))).toEqual([
      400,
      1006,
      "Unknown error when processing member, please try again. Error: invalid permission group and resource group combination",
    ]);
    expect((await invited({ email, policies: [policy("DNS Write", zonesGroup)] })).policies).toHaveLength(1);
  });
});

describe("PUT /members/{id}", () => {
  const put = (id: string, body: object) => call("PUT", `/members/${id}`, body);

  it("fact 53: takes roles as {id} objects; strings are a 400", async () => {
    const member = await invited({ email: fresh(), roles: [] });
    expect((await put(member.id, { roles: [{ id: roleId("Firewall") }] })).status).toBe(200);
    expect(await roleNames(member.id)).toEqual(["Firewall"]);
    const strings = await put(member.id, { roles: [roleId("DNS")] });
    expect(strings.status).toBe(400);
    expect(await roleNames(member.id)).toEqual(["Firewall"]);
  });

  it("fact 64: replaces the roles sent, keeping the membership id", async () => {
    const member = await invited({ email: fresh(), roles: [roleId("DNS")] });
    const answer = await put(member.id, { roles: [{ id: roleId("Billing") }] });
    expect(answer.body.result.id).toBe(member.id);
    expect(answer.body.result.roles.map((r: { name: string }) => r.name)).toEqual(["Billing"]);
    expect(await roleNames(member.id)).toEqual(["Billing"]);
  });

  it("fact 64: policies replace what the member held, roles included", async () => {
    const member = await invited({ email: fresh(), roles: [roleId("DNS")] });
    await put(member.id, { policies: [policy("Administrator")] });
    const now = await read(member.id);
    expect(now.roles.map((r: { name: string }) => r.name)).toEqual(["Administrator"]);
    expect(now.policies.map((p: { permission_groups: { id: string }[] }) => p.permission_groups[0].id)).toEqual([group("Administrator")]);
  });

  it("fact 64: there is no email: one sent changes nothing", async () => {
    const member = await invited({ email: fresh(), roles: [] });
    expect((await put(member.id, { email: "someone.else@example.net", roles: [{ id: roleId("DNS") }] })).status).toBe(200);
    expect((await read(member.id)).email).toBe(member.email);
    expect(await roleNames(member.id)).toEqual(["DNS"]);
  });

  it("fact 70: the invalid pair is code 1006 on PUT too, changing nothing", async () => {
    const member = await invited({ email: fresh(), roles: [roleId("DNS")] });
    expect(failure(await put(member.id, { policies: [policy("Billing Read", zonesGroup)] })).slice(0, 2)).toEqual([400, 1006]);
    expect(await roleNames(member.id)).toEqual(["DNS"]);
  });

  it("fact 79: a stale status (pending, for an accepted member) makes the change drop silently", async () => {
    const member = await invited({ email: fresh(), roles: [roleId("DNS")] });
    await admin(emulator(), "POST", `/account_members/${member.id}/accept`);
    const answer = await put(member.id, { status: "pending", roles: [{ id: roleId("Administrator") }] });
    expect(answer.status).toBe(200);
    expect(answer.body.result.status).toBe("accepted");
    expect(await roleNames(member.id)).toEqual(["DNS"]);
    await put(member.id, { status: "accepted", roles: [{ id: roleId("Administrator") }] });
    expect(await roleNames(member.id)).toEqual(["Administrator"]);
  });

  it("fact 57: status accepted cannot force-accept an invite: it stays pending and the change drops", async () => {
    const member = await invited({ email: fresh(), roles: [] });
    const answer = await put(member.id, { status: "accepted", roles: [{ id: roleId("DNS") }] });
    expect(answer.body.result.status).toBe("pending");
    expect(await roleNames(member.id)).toEqual([]);
  });

  it("fact 68 (C4): an unknown member on PUT is code 400, not 1003", async () => {
    expect(failure(await put("0".repeat(32), { roles: [] })).slice(0, 2)).toEqual([400, 400]);
  });
});

describe("DELETE /members/{id}", () => {
  it("fact 66: answers {id}, cancels a pending invite, and GET then gives 1003 (fact 67)", async () => {
    const member = await invited({ email: fresh(), roles: [] });
    const answer = await call("DELETE", `/members/${member.id}`);
    expect(answer.body.result).toEqual({ id: member.id });
    expect(failure(await call("GET", `/members/${member.id}`)).slice(0, 2)).toEqual([404, 1003]);
  });

  it("fact 66: removes an accepted member, who leaves every user group", async () => {
    const leaver = accountMembers[30];
    const ug = (await call("POST", "/iam/user_groups", { name: "leavers" })).body.result;
    await untilMembersVisible(emulator(), ug.id);
    await call("POST", `/iam/user_groups/${ug.id}/members`, [{ id: leaver.id }, { id: accountMembers[31].id }]);
    expect((await call("DELETE", `/members/${leaver.id}`)).body.result).toEqual({ id: leaver.id });
    const left = (await call("GET", `/iam/user_groups/${ug.id}/members`)).body.result as { id: string }[];
    expect(left.map((m) => m.id)).toEqual([accountMembers[31].id]);
  });

  it("fact 67: an unknown id on GET or DELETE is code 1003", async () => {
    expect(failure(await call("GET", `/members/${"0".repeat(32)}`)).slice(0, 2)).toEqual([404, 1003]);
    expect(failure(await call("DELETE", `/members/${"0".repeat(32)}`)).slice(0, 2)).toEqual([404, 1003]);
  });

  it("fact 65: a re-invite after a delete gets a new membership id, for a seeded member and an invited one", async () => {
    const seeded = accountMembers[32];
    await call("DELETE", `/members/${seeded.id}`);
    expect((await invited({ email: seeded.email, roles: [] })).id).not.toBe(seeded.id);
    const email = fresh();
    const first = await invited({ email, roles: [] });
    await call("DELETE", `/members/${first.id}`);
    expect((await invited({ email, roles: [] })).id).not.toBe(first.id);
  });
});

describe("GET /members", () => {
  const list = async (query: string) => (await call("GET", `/members?${query}`)).body;

  it("fact 71: pages 5 to 50, and invited members are listed", async () => {
    const member = await invited({ email: fresh("listed"), roles: [] });
    expect((await list("per_page=1")).result).toHaveLength(5);
    expect((await list("per_page=500")).result).toHaveLength(50);
    const all = [...(await list("per_page=50&page=1")).result, ...(await list("per_page=50&page=2")).result];
    expect(all.map((m: { id: string }) => m.id)).toContain(member.id);
  });

  it("fact 71: filters by status, and orders by status or a user field in either direction", async () => {
    const pending = (await list("status=pending&per_page=50")).result as { status: string }[];
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((m) => m.status === "pending")).toBe(true);
    expect((await list("status=rejected")).result).toEqual([]);
    const byStatus = (await list("order=status&direction=desc&per_page=5")).result as { status: string }[];
    expect(byStatus.map((m) => m.status)).toEqual(Array(5).fill("pending"));
    const lastNames = ((await list("order=user.last_name&direction=desc&per_page=50")).result as { user: { last_name: string | null } }[]).map((m) => m.user.last_name ?? "");
    expect(lastNames).toEqual([...lastNames].sort((a, b) => b.localeCompare(a)));
    expect(new Set(lastNames).size).toBeGreaterThan(3);
  });
});

it("fact 74: the owner stays an accepted Super Administrator", async () => {
  const owner = accountMembers[accountMembers.length - 1];
  const view = await read(owner.id);
  expect([view.status, view.roles.map((r: { name: string }) => r.name)]).toEqual(["accepted", ["Super Administrator - All Privileges"]]);
});
