import { providers } from "../../../../provider";
import { failure, requestsTo, success, useProxiedProvider } from "../../../support/api-proxy";
import { admin, resetStats, stats, useEmulator } from "../../../support/emulator";
import { api, checked, configureFor, created, diffOf, updated, useProviderConfig } from "../../../support/provider";

const ADA_TOKEN = { value: "ada-token", name: "Ada's token", email: "ada.lovelace@example.com" };
const emulator = useEmulator({ tokens: [ADA_TOKEN] });
useProviderConfig(emulator);
const provider = providers.accountMember;

let invites = 0;
/** An address no one in the account has: every invite gets its own. */
const newAddress = () => `new.hire${++invites}@example.net`;

let adminGroup: string;
let allPrivileges: string;
let wholeAccount: string;
let zonesOnly: string;
const roleId = async (name: string) => (await api(emulator())<{ id: string; name: string }[]>("GET", "/roles?per_page=50")).find((r) => r.name === name)!.id;
const memberNamed = async (email: string) => {
  const pages = await Promise.all([1, 2, 3].map((page) => api(emulator())<{ id: string; email: string }[]>("GET", `/members?per_page=50&page=${page}`)));
  return pages.flat().find((m) => m.email === email)!;
};
const deletes = async () => (await stats(emulator())).byMethod.DELETE ?? 0;

beforeAll(async () => {
  const call = api(emulator());
  adminGroup = (await call<{ id: string }[]>("GET", "/iam/permission_groups?label=admin"))[0].id;
  allPrivileges = (await call<{ id: string }[]>("GET", "/iam/permission_groups?label=all_privileges"))[0].id;
  const groups = await call<{ id: string; scope: { objects: { key: string }[] } }[]>("GET", "/iam/resource_groups");
  wholeAccount = groups.find((g) => g.scope.objects.some((o) => o.key === "*"))!.id;
  const scope = { key: `com.cloudflare.api.account.${emulator().accountId}`, objects: [{ key: "com.cloudflare.api.account.zone.z" }] };
  zonesOnly = (await call<{ id: string }>("POST", "/iam/resource_groups", { name: "zones only", scope })).id;
});

/** A member's state as the engine would hand it to the provider. */
const stateOf = (fields: { status: string; grants: string }) => ({
  accountId: emulator().accountId,
  email: "x@example.com",
  policies: [],
  roles: [],
  userId: null,
  allowRemovingLastSuperAdministrator: false,
  ...fields,
});
const allow = (permissionGroups: string[], resourceGroups: string[]) => ({ access: "allow", permissionGroups, resourceGroups });

it("fact 57: an invite is pending, its id is the membership id (fact 55), and it has no user yet", async () => {
  const email = newAddress();
  const { id, outs } = await created(provider, { email, policies: [allow([adminGroup], [wholeAccount])] });
  const listed = await memberNamed(email);
  expect(id).toBe(listed.id);
  expect(outs).toMatchObject({ email, status: "pending", userId: null, grants: "policies" });
});

it("fact 55: the id is the membership's and userId the user's, for an invitee who already has a Cloudflare user", async () => {
  const email = "ken.thompson@example.com";
  const { id, outs } = await created(provider, { email });
  const listed = await api(emulator())<{ id: string; user: { id: string } }>("GET", `/members/${id}`);
  expect(listed.id).toBe(id);
  expect(outs.userId).toBe(listed.user.id);
  expect(outs.userId).not.toBe(id);
});

it("fact 56: the address is compared without case, so a change of case is no change", async () => {
  const email = newAddress();
  const { id, outs } = await created(provider, { email: email.toUpperCase() });
  expect(outs.email).toBe(email);
  expect(await diffOf(provider, id, outs, { email })).toMatchObject({ changes: false });
  expect(await diffOf(provider, id, outs, { email: newAddress() })).toMatchObject({ changes: true, replaces: ["email"] });
});

it("fact 54: roles named by name are resolved through GET /roles, and read back with a GET after the POST", async () => {
  const { outs } = await created(provider, { email: newAddress(), roles: ["Administrator"] });
  expect(outs.roles).toEqual([await roleId("Administrator")]);
});

it("a role name the account does not have fails naming roles", async () => {
  await expect(created(provider, { email: newAddress(), roles: ["Janitor"] })).rejects.toThrow(/^roles: the account has no role named "Janitor"; give a role id/);
});

it("fact 62: only the dimension the program manages is compared, however the other mirrors it", async () => {
  const byRole = await created(provider, { email: newAddress(), roles: ["Administrator"] });
  const read = (await provider.read!(byRole.id, byRole.outs)).props;
  expect(read.policies).toHaveLength(1);
  expect(await diffOf(provider, byRole.id, read, { email: byRole.outs.email, roles: ["Administrator"] })).toMatchObject({ changes: false });
  const byPolicy = await created(provider, { email: newAddress(), policies: [allow([adminGroup], [wholeAccount])] });
  const readBack = (await provider.read!(byPolicy.id, byPolicy.outs)).props;
  expect(readBack.roles).toEqual([await roleId("Administrator")]);
  expect(await diffOf(provider, byPolicy.id, readBack, { email: byPolicy.outs.email, policies: [allow([adminGroup], [wholeAccount])] })).toMatchObject({ changes: false });
});

it("fact 62: switching from roles to policies is an update, though the answers mirror each other", async () => {
  const { id, outs } = await created(provider, { email: newAddress(), roles: ["Administrator"] });
  const mirrored = { email: outs.email, policies: [allow([adminGroup], [wholeAccount])] };
  expect(await diffOf(provider, id, outs, mirrored)).toMatchObject({ changes: true, replaces: [] });
  expect((await updated(provider, id, outs, mirrored)).grants).toBe("policies");
  // The member is moved onto policies (the migration off roles, fact 78), not left holding the role.
  const account = await admin<{ memberAccess: Record<string, object> }>(emulator(), "GET", "/state");
  expect(Object.keys(account.memberAccess[id])).toEqual(["policies"]);
});

it("fact 63: check refuses roles and policies together, and a malformed email, naming each property", async () => {
  const result = await provider.check!({}, { email: "not an address", roles: ["Administrator"], policies: [] });
  expect(result.failures).toEqual([{ property: "email", reason: "must be an email address" }]);
  const both = await provider.check!({}, { email: newAddress(), roles: ["Administrator"], policies: [] });
  expect(both.failures).toEqual([{ property: "roles", reason: expect.stringMatching(/^set roles or policies, not both: .*fact 63/) }]);
});

it("neither roles nor policies invites with an empty policy list, and leaves direct grants alone", async () => {
  const { id, outs } = await created(provider, { email: newAddress() });
  expect(outs).toMatchObject({ policies: [], roles: [], grants: "none" });
  // A grant made in the dashboard is no drift of a member that manages none.
  await admin(emulator(), "PUT", `/account_members/${id}/access`, { roles: [await roleId("Administrator")] });
  const read = (await provider.read!(id, outs)).props;
  expect(read.roles).toEqual([await roleId("Administrator")]);
  expect(await diffOf(provider, id, read, { email: outs.email })).toMatchObject({ changes: false });
});

it("an explicit empty policy list manages the policies: a grant made in the dashboard is drift", async () => {
  const { id, outs } = await created(provider, { email: newAddress(), policies: [] });
  await admin(emulator(), "PUT", `/account_members/${id}/access`, { roles: [await roleId("Administrator")] });
  const read = (await provider.read!(id, outs)).props;
  expect(await diffOf(provider, id, read, { email: outs.email, policies: [] })).toMatchObject({ changes: true });
});

it("fact 69: an address already in the account fails naming its membership, and is taken over with adoptExisting", async () => {
  const existing = await memberNamed("grace.lovelace@example.com");
  await expect(created(provider, { email: "Grace.Lovelace@example.com" })).rejects.toThrow(
    new RegExp(`"grace.lovelace@example.com" already has a membership in this account \\(${existing.id}, fact 69\\); .*adoptExisting: true`),
  );
  const { id, outs } = await created(provider, { email: "grace.lovelace@example.com", adoptExisting: true, roles: ["Administrator"] });
  expect(id).toBe(existing.id);
  expect(outs.roles).toEqual([await roleId("Administrator")]);
});

it("fact 70: a permission group its resource group cannot carry is explained (1006)", async () => {
  await expect(created(provider, { email: newAddress(), policies: [allow([adminGroup], [zonesOnly])] })).rejects.toThrow(/\[1006\].*fact 70/);
});

it("fact 53: an update PUTs roles as {id} objects; fact 79: never a status", async () => {
  const { id, outs } = await created(provider, { email: newAddress(), roles: ["Administrator"] });
  const next = await updated(provider, id, outs, { email: outs.email, roles: ["Administrator Read Only"] });
  expect(next.roles).toEqual([await roleId("Administrator Read Only")]);
});

it("fact 80: an expired invite reads as gone, and the next create invites again under a new id (fact 65)", async () => {
  const email = newAddress();
  const { id, outs } = await created(provider, { email });
  await admin(emulator(), "POST", `/account_members/${id}/expire`);
  expect((await provider.read!(id, outs)).id).toBe("");
  const again = await created(provider, { email });
  expect(again.id).not.toBe(id);
});

it("fact 66: delete removes the membership; fact 67: deleting it again (1003) is done", async () => {
  const email = newAddress();
  const { id, outs } = await created(provider, { email });
  await provider.delete!(id, outs);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});

describe("fact 75: removals that would lock the account or the stack out are refused before any DELETE", () => {
  it("the membership of the user whose token the stack runs with", async () => {
    const ada = await memberNamed(ADA_TOKEN.email);
    configureFor({ ...emulator(), token: ADA_TOKEN.value });
    try {
      const { outs } = await created(provider, { email: ADA_TOKEN.email, adoptId: ada.id });
      await resetStats(emulator());
      await expect(provider.delete!(ada.id, outs)).rejects.toThrow(
        /refusing to remove "ada.lovelace@example.com": it is the membership of the user whose API token this stack runs with/,
      );
      expect(await deletes()).toBe(0);
    } finally {
      configureFor(emulator());
    }
  });

  it("an account-owned token has no membership of its own: another member is removed", async () => {
    const { id, outs } = await created(provider, { email: newAddress() });
    await resetStats(emulator());
    await provider.delete!(id, outs);
    expect(await deletes()).toBe(1);
  });

  it("the last accepted Super Administrator, unless allowRemovingLastSuperAdministrator", async () => {
    const owner = await memberNamed("charles.babbage@example.com");
    const inputs = { email: owner.email, adoptId: owner.id, roles: ["Super Administrator - All Privileges"] };
    const { outs } = await created(provider, inputs);
    // A pending invite holding the role is no Super Administrator yet.
    await created(provider, { email: newAddress(), policies: [allow([allPrivileges], [wholeAccount])] });
    await resetStats(emulator());
    await expect(provider.delete!(owner.id, outs)).rejects.toThrow(/refusing to remove "charles.babbage@example.com": no other accepted member holds Super Administrator/);
    expect(await deletes()).toBe(0);
    const allowed = await updated(provider, owner.id, outs, { ...inputs, allowRemovingLastSuperAdministrator: true });
    // The flag lives in state alone: setting it sends nothing.
    expect((await stats(emulator())).byMethod.PUT ?? 0).toBe(0);
    await provider.delete!(owner.id, allowed);
    expect(await deletes()).toBe(1);
  });
});

describe("answers the emulator does not give", () => {
  const proxy = useProxiedProvider(emulator);
  const lists = (r: { method: string; path: string }) => r.method === "GET" && r.path === "/accounts/:account/members";

  it("fact 69: an invite raced by someone else's, answered 400 'already exists', fails naming it", async () => {
    const email = "hedy.lovelace@example.com";
    const existing = await memberNamed(email);
    let looks = 0;
    proxy().script((r) => (lists(r) && ++looks === 1 ? success([]) : undefined));
    await expect(created(provider, { email })).rejects.toThrow(new RegExp(`already has a membership in this account \\(${existing.id}, fact 69\\)`));
    expect(requestsTo(proxy(), "POST", /\/members$/)).toHaveLength(1);
  });

  it("fact 69: the same duplicate answered only as a generic 1001 is told apart by the address's membership", async () => {
    const email = "ivan.lovelace@example.com";
    const existing = await memberNamed(email);
    let looks = 0;
    proxy().script((r) => {
      if (lists(r) && ++looks === 1) return success([]);
      return r.method === "POST" ? failure(400, 1001, "Invalid request") : undefined;
    });
    const { id } = await created(provider, { email, adoptExisting: true });
    expect(id).toBe(existing.id);
  });

  it("fact 58: 1001 'automatic verification' is explained, and is no duplicate", async () => {
    proxy().script((r) => (r.method === "POST" ? failure(400, 1001, "Invalid request: automatic verification of new members is not allowed") : undefined));
    await expect(created(provider, { email: newAddress() })).rejects.toThrow(/automatic verification.*already have a Cloudflare user \(fact 58\)/);
  });

  it("facts 56, 71 and 72: a lost answer is recovered by the address, paging to the end at 50 a page", async () => {
    // Listed by address: this one comes last, past the first page.
    const email = `zz.${newAddress()}`;
    await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
    const { id } = await created(provider, { email });
    expect(requestsTo(proxy(), "POST", /\/members$/)).toHaveLength(1);
    const pages = proxy().requests.filter(lists);
    expect(pages.every((r) => r.query.get("per_page") === "50")).toBe(true);
    expect(new Set(pages.map((r) => r.query.get("page")))).toEqual(new Set(["1", "2"]));
    expect(id).toBe((await memberNamed(email)).id);
  });

  it("fact 56: recovery matches the address in user.email, without case, when the top-level email is absent", async () => {
    const email = newAddress();
    const found = { id: "f".repeat(32), email: null, status: "pending", user: { email: email.toUpperCase() }, roles: null, policies: null };
    await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
    const posted = () => proxy().requests.some((r) => r.method === "POST");
    proxy().script((r) => {
      if (lists(r) && posted()) return success([found]);
      return r.method === "GET" && r.path.endsWith(found.id) ? success(found) : undefined;
    });
    expect((await created(provider, { email })).id).toBe(found.id);
  });

  it("fact 68: an update of a membership that is gone (400 on PUT) is explained", async () => {
    const { id, outs } = await created(provider, { email: newAddress(), roles: ["Administrator"] });
    await admin(emulator(), "POST", `/account_members/${id}/expire`);
    await expect(updated(provider, id, outs, { email: outs.email, roles: ["Administrator Read Only"] })).rejects.toThrow(/\[400\].*The membership no longer exists.*fact 80/);
    const puts = requestsTo(proxy(), "PUT", /\/members\//);
    expect(puts.map((r) => r.body)).toEqual([{ roles: [{ id: await roleId("Administrator Read Only") }] }]);
  });

  it("fact 67: code 1003 means gone on GET and on DELETE, whatever the HTTP status", async () => {
    const { id, outs } = await created(provider, { email: newAddress() });
    proxy().script((r) => (r.path.endsWith(id) ? failure(400, 1003, "Member not found") : undefined));
    expect((await provider.read!(id, outs)).id).toBe("");
    await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
    proxy().script((r) => (r.method === "DELETE" ? failure(400, 1003, "Member not found") : undefined));
    await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
  });

  it("an address from the account is written inertly in a refusal: no control character reaches a terminal", async () => {
    const evil = {
      id: "e".repeat(32),
      email: "x\u001b[2J@example.com",
      status: "accepted",
      user: { email: "x\u001b[2J@example.com" },
      roles: [{ id: "r", name: "Super Administrator - All Privileges" }],
      policies: [],
    };
    proxy().script((r) => {
      if (r.method === "GET" && r.path.endsWith(evil.id)) return success(evil);
      return lists(r) ? success([evil]) : undefined;
    });
    const state = stateOf({ status: "accepted", grants: "none" });
    await expect(provider.delete!(evil.id, state)).rejects.toThrow('refusing to remove "x\\u001b[2j@example.com": no other accepted member');
  });

  it("fact 68: a wrong account id (7003) is explained", async () => {
    proxy().script((r) => (r.method === "GET" ? failure(400, 7003, "Could not route to /accounts/x/members/y, perhaps your object identifier is invalid?") : undefined));
    const state = stateOf({ status: "pending", grants: "policies" });
    await expect(provider.read!("f".repeat(32), state)).rejects.toThrow(/\[7003\].*check accountId/);
  });
});

it("check accepts what the interface promises", async () => {
  expect(await checked(provider, { email: newAddress(), roles: ["Administrator"], adoptExisting: true, allowRemovingLastSuperAdministrator: true })).toMatchObject({
    adoptExisting: true,
  });
});
