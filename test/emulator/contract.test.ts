/**
 * Contract: Cloudflare's official TypeScript SDK, pointed at the emulator through `baseURL`,
 * gets the answers the real API gives (REAL-API-FACTS.md, cited by number; the reference pages
 * where the facts are silent). The last test checks that every route was used.
 */
import Cloudflare from "cloudflare";
import { accountMembers, accountOwner, apiRouter, legacyRoles, permissionGroups } from "../../emulator";
import { admin, stats, useEmulator } from "../support/emulator";
import { untilMembersVisible } from "../support/provider";

const emulator = useEmulator();
let cf: Cloudflare;
let account_id: string;

beforeAll(() => {
  cf = new Cloudflare({ apiToken: emulator().token, baseURL: emulator().baseUrl, maxRetries: 0 });
  account_id = emulator().accountId;
});

/** Runs `call` and returns the SDK's APIError, failing the test if the call succeeds. */
async function apiError(call: () => Promise<unknown>): Promise<InstanceType<typeof Cloudflare.APIError>> {
  try {
    await call();
  } catch (error) {
    if (error instanceof Cloudflare.APIError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

const zoneScope = (zone: string) => ({
  key: `com.cloudflare.api.account.${"023e105f4ecef8ad9ca31a8372d0c353"}`,
  objects: [{ key: `com.cloudflare.api.account.zone.${zone}` }],
});

describe("permission groups", () => {
  it("lists every group across several pages", async () => {
    const all = await collect(cf.iam.permissionGroups.list({ account_id }));
    expect(all).toHaveLength(permissionGroups.length);
    expect(new Set(all.map((g) => g.id)).size).toBe(permissionGroups.length);
    const firstPage = await cf.iam.permissionGroups.list({ account_id, per_page: 20 });
    expect(firstPage.result).toHaveLength(20);
    // fact 4: no result_info (the SDK fills in an empty one); fact 1: per_page at most 50.
    const raw = await fetch(`${emulator().baseUrl}/accounts/${account_id}/iam/permission_groups`, { headers: { authorization: `Bearer ${emulator().token}` } });
    expect(await raw.json()).not.toHaveProperty("result_info");
    expect((await cf.iam.permissionGroups.list({ account_id, per_page: 500 })).result).toHaveLength(50);
  });

  it("fact 5: items carry status, timestamps and meta {description, editable, label, scopes}", async () => {
    const [group] = (await cf.iam.permissionGroups.list({ account_id, name: "Administrator Read Only" })).result;
    expect(group).toMatchObject({
      status: "V",
      meta: { label: "admin_readonly", editable: "false", description: expect.any(String), scopes: "com.cloudflare.api.account" },
      created_on: expect.any(String),
      modified_on: expect.any(String),
    });
  });

  it("facts 2 and 3: the label filter takes role labels; a name with no match is []", async () => {
    expect((await cf.iam.permissionGroups.list({ account_id, label: "admin" })).result.map((g) => g.name)).toEqual(["Administrator"]);
    expect((await cf.iam.permissionGroups.list({ account_id, name: "No Such Role" })).result).toEqual([]);
  });

  it("filters by id, label and name", async () => {
    const byName = await cf.iam.permissionGroups.list({ account_id, name: "Zone Read" });
    expect(byName.result.map((g) => g.id)).toEqual(["c8fed203ed3043cba015a93ad1616f1f"]);
    const byLabel = await cf.iam.permissionGroups.list({ account_id, label: "dns_write" });
    expect(byLabel.result.map((g) => g.name)).toEqual(["DNS Write"]);
    const byId = await cf.iam.permissionGroups.list({ account_id, id: "82e64a83756745bbbb1c9c2701bf816b" });
    expect(byId.result.map((g) => g.name)).toEqual(["Magic Network Monitoring"]);
  });

  it("gets one, and 404s an unknown id", async () => {
    const group = await cf.iam.permissionGroups.get("c8fed203ed3043cba015a93ad1616f1f", { account_id });
    expect(group).toMatchObject({ id: "c8fed203ed3043cba015a93ad1616f1f", name: "Zone Read" });
    const error = await apiError(() => cf.iam.permissionGroups.get("0".repeat(32), { account_id }));
    expect(error.status).toBe(404);
  });
});

describe("resource groups", () => {
  it("creates, lists, gets, updates and deletes", async () => {
    const created = await cf.iam.resourceGroups.create({ account_id, name: "zone-a", scope: zoneScope("a") });
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    expect(created.name).toBe("zone-a");
    // fact 11: the scope is an object, not the list older references show.
    expect(created.scope).toEqual(zoneScope("a"));

    const listed = await collect(cf.iam.resourceGroups.list({ account_id }));
    expect(listed.map((g) => g.id)).toContain(created.id);
    const got = await cf.iam.resourceGroups.get(created.id, { account_id });
    expect(got).toEqual(created);

    const updated = await cf.iam.resourceGroups.update(created.id, { account_id, name: "zone-b", scope: zoneScope("b") });
    expect(updated).toMatchObject({ id: created.id, name: "zone-b", scope: zoneScope("b") });
    // fact 14: a PUT may carry the name alone.
    expect(await cf.iam.resourceGroups.update(created.id, { account_id, name: "zone-c" } as never)).toMatchObject({ name: "zone-c", scope: zoneScope("b") });

    expect(await cf.iam.resourceGroups.delete(created.id, { account_id })).toEqual({ id: created.id });
    // fact 13: 404 with code 404 and "Resource group".
    const gone = await apiError(() => cf.iam.resourceGroups.get(created.id, { account_id }));
    expect(gone.status).toBe(404);
    expect(gone.errors[0]).toMatchObject({ code: 404, message: expect.stringContaining("Resource group") });
  });

  it("fact 8: a name filter that matches nothing answers result: null", async () => {
    const response = await fetch(`${emulator().baseUrl}/accounts/${account_id}/iam/resource_groups?name=nobody`, {
      headers: { authorization: `Bearer ${emulator().token}` },
    });
    expect(((await response.json()) as { result: unknown }).result).toBeNull();
  });

  it("fact 9: the account's predefined system group is listed, and cannot be edited or deleted", async () => {
    const system = (await collect(cf.iam.resourceGroups.list({ account_id }))).find((g) => g.name === `com.cloudflare.api.account.${account_id}`)!;
    expect(system.meta).toEqual({ editable: "false" });
    const error = await apiError(() => cf.iam.resourceGroups.delete(system.id, { account_id }));
    expect(error.status).toBe(422);
    expect(error.errors[0].message).toContain("non-editable");
  });

  it("fact 12: an empty name or scope key is a 400", async () => {
    expect((await apiError(() => cf.iam.resourceGroups.create({ account_id, name: "", scope: zoneScope("x") }))).status).toBe(400);
    const noKey = { key: "", objects: [{ key: "com.cloudflare.api.account.zone.x" }] };
    expect((await apiError(() => cf.iam.resourceGroups.create({ account_id, name: "k", scope: noKey }))).status).toBe(400);
  });

  it("rejects a scope with no objects", async () => {
    const error = await apiError(() => cf.iam.resourceGroups.create({ account_id, name: "empty", scope: { key: "com.cloudflare.api.account.x", objects: [] } }));
    expect(error.status).toBe(400);
    expect(error.errors[0]).toMatchObject({ code: 1013 });
  });
});

describe("user groups and members", () => {
  let resourceGroup: string;
  const [zoneRead, magic] = ["c8fed203ed3043cba015a93ad1616f1f", "82e64a83756745bbbb1c9c2701bf816b"];

  beforeAll(async () => {
    resourceGroup = (await cf.iam.resourceGroups.create({ account_id, name: "ug-scope", scope: zoneScope("ug") })).id;
  });

  it("creates a group whose policy lists come back in the server's order", async () => {
    const group = await cf.iam.userGroups.create({
      account_id,
      name: "Ops",
      policies: [{ access: "allow", permission_groups: [{ id: zoneRead }, { id: magic }], resource_groups: [{ id: resourceGroup }] }],
    });
    expect(group.created_on).toBeTruthy();
    expect(group.policies).toHaveLength(1);
    const ids = group.policies![0].permission_groups!.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(group.policies![0].resource_groups![0]).toMatchObject({ id: resourceGroup, name: "ug-scope" });
  });

  it("rejects unknown permission and resource groups", async () => {
    const unknownPermission = await apiError(() =>
      cf.iam.userGroups.create({
        account_id,
        name: "bad",
        policies: [{ access: "allow", permission_groups: [{ id: "f".repeat(32) }], resource_groups: [{ id: resourceGroup }] }],
      }),
    );
    expect(unknownPermission.errors[0]).toMatchObject({ code: 1004 });
    const unknownResource = await apiError(() =>
      cf.iam.userGroups.create({
        account_id,
        name: "bad",
        policies: [{ access: "allow", permission_groups: [{ id: zoneRead }], resource_groups: [{ id: "e".repeat(32) }] }],
      }),
    );
    expect(unknownResource.errors[0]).toMatchObject({ code: 1005 });
  });

  it("lists with id, name, fuzzy_name, direction and pagination", async () => {
    for (const name of ["Alpha team", "Beta team", "Gamma crew"]) {
      await cf.iam.userGroups.create({ account_id, name, policies: [] });
    }
    const fuzzy = await cf.iam.userGroups.list({ account_id, fuzzyName: "TEAM" });
    expect(fuzzy.result.map((g) => g.name)).toEqual(["Alpha team", "Beta team"]);
    const spelledAsReference = await fetch(`${emulator().baseUrl}/accounts/${account_id}/iam/user_groups?fuzzy_name=crew`, {
      headers: { authorization: `Bearer ${emulator().token}` },
    });
    expect(((await spelledAsReference.json()) as { result: { name: string }[] }).result.map((g) => g.name)).toEqual(["Gamma crew"]);
    const desc = await cf.iam.userGroups.list({ account_id, direction: "desc" });
    expect(desc.result.map((g) => g.name)).toEqual(["Ops", "Gamma crew", "Beta team", "Alpha team"]);
    const byName = await cf.iam.userGroups.list({ account_id, name: "Beta team" });
    expect(byName.result).toHaveLength(1);
    const byId = await cf.iam.userGroups.list({ account_id, id: byName.result[0].id });
    expect(byId.result.map((g) => g.name)).toEqual(["Beta team"]);
    const paged = await collect(cf.iam.userGroups.list({ account_id, per_page: 1 }));
    expect(paged.map((g) => g.name)).toEqual(["Alpha team", "Beta team", "Gamma crew", "Ops"]);
  });

  it("fact 22: refuses re-sent policy ids, and gives every policy a new id on each update", async () => {
    const group = (await cf.iam.userGroups.list({ account_id, name: "Ops" })).result[0];
    const kept = group.policies![0];
    const policy = { access: "allow" as const, permission_groups: [{ id: zoneRead }, { id: magic }], resource_groups: [{ id: resourceGroup }] };
    const refused = await apiError(() => cf.iam.userGroups.update(group.id, { account_id, policies: [{ id: kept.id!, ...policy }] }));
    expect(refused.status).toBe(400);
    expect(refused.errors[0].message).toContain("Cannot re-use policy IDs");
    const updated = await cf.iam.userGroups.update(group.id, { account_id, name: "Ops renamed", policies: [policy as never, policy as never] });
    expect(updated.name).toBe("Ops renamed");
    expect(updated.policies).toHaveLength(2);
    expect(updated.policies!.map((p) => p.id)).not.toContain(kept.id);
    expect((await cf.iam.userGroups.get(group.id, { account_id })).policies).toEqual(updated.policies);
  });

  it("facts 16, 18 and 23: status V, no policies key without policies, and PUT [] clears them", async () => {
    const group = await cf.iam.userGroups.create({ account_id, name: "Bare" } as never);
    expect(group).toMatchObject({ status: "V" });
    expect(group).not.toHaveProperty("policies");
    const withPolicy = await cf.iam.userGroups.update(group.id, {
      account_id,
      policies: [{ access: "allow", permission_groups: [{ id: zoneRead }], resource_groups: [{ id: resourceGroup }] } as never],
    });
    expect(withPolicy.policies![0]).toMatchObject({ status: "V", created_on: expect.any(String), permission_groups: [{ id: zoneRead, meta: { label: "zone_read" } }] });
    expect(await cf.iam.userGroups.update(group.id, { account_id, policies: [] })).not.toHaveProperty("policies");
  });

  it("fact 19: names are unique, on create and on rename", async () => {
    const taken = await apiError(() => cf.iam.userGroups.create({ account_id, name: "Alpha team", policies: [] }));
    expect(taken.errors[0]).toMatchObject({ code: 400, message: expect.stringContaining("already in use") });
    const bare = (await cf.iam.userGroups.list({ account_id, name: "Bare" })).result[0];
    const rename = await apiError(() => cf.iam.userGroups.update(bare.id, { account_id, name: "Alpha team" }));
    expect(rename.errors[0].message).toContain("already in use");
  });

  it("fact 21: refuses deny policies with 'Policy validation failed'", async () => {
    const error = await apiError(() =>
      cf.iam.userGroups.create({
        account_id,
        name: "Deniers",
        policies: [{ access: "deny", permission_groups: [{ id: zoneRead }], resource_groups: [{ id: resourceGroup }] }],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.errors[0].message).toContain("Policy validation failed");
  });

  it("fact 24: takes an inline scope instead of a resource group id, and echoes it without an id", async () => {
    const scope = { key: `com.cloudflare.api.account.${account_id}`, objects: [{ key: "*" }] };
    const group = await cf.iam.userGroups.create({
      account_id,
      name: "Inline",
      policies: [{ access: "allow", permission_groups: [{ id: zoneRead }], resource_groups: [{ scope }] as never }],
    });
    const echoed = group.policies![0].resource_groups![0] as unknown as Record<string, unknown>;
    expect(echoed.scope).toEqual(scope);
    expect(echoed).not.toHaveProperty("id");
  });

  it("adds, replaces, lists, gets and removes members, sorted by email", async () => {
    const group = await cf.iam.userGroups.create({ account_id, name: "Members", policies: [] });
    const user_group_id = group.id;
    // fact 37: a new group's members answer 404 for a moment, though the group itself is found.
    expect((await apiError(() => collect(cf.iam.userGroups.members.list(user_group_id, { account_id })))).errors[0]).toMatchObject({
      code: 404,
      message: expect.stringContaining("User group"),
    });
    expect((await cf.iam.userGroups.get(user_group_id, { account_id })).id).toBe(user_group_id);
    await untilMembersVisible(emulator(), user_group_id);
    // fact 28: no members is `result: null`, which the SDK reads as an empty page.
    expect(await collect(cf.iam.userGroups.members.list(user_group_id, { account_id }))).toEqual([]);
    const chosen = accountMembers.slice(0, 55);
    const byEmail = [...chosen].sort((a, b) => a.email.localeCompare(b.email));

    const added = await collect(cf.iam.userGroups.members.create(user_group_id, { account_id, members: chosen.slice(0, 3).reverse() }));
    expect(added.map((m) => m.email)).toEqual(
      chosen
        .slice(0, 3)
        .map((m) => m.email)
        .sort(),
    );
    // facts 30 and 31: adding again changes nothing, and the answer is the whole list.
    const again = await collect(cf.iam.userGroups.members.create(user_group_id, { account_id, members: [{ id: chosen[0].id }] }));
    expect(again).toHaveLength(3);

    const replaced = await collect(cf.iam.userGroups.members.update(user_group_id, { account_id, members: chosen.map(({ id }) => ({ id })) }));
    expect(replaced.map((m) => m.id)).toEqual(byEmail.map((m) => m.id));

    const pages = await collect(cf.iam.userGroups.members.list(user_group_id, { account_id, per_page: 20 }));
    expect(pages.map((m) => m.id)).toEqual(byEmail.map((m) => m.id));
    const desc = await cf.iam.userGroups.members.list(user_group_id, { account_id, direction: "desc", fuzzyEmail: "hopper" });
    expect(desc.result.map((m) => m.email)).toEqual(
      byEmail
        .filter((m) => m.email.includes("hopper"))
        .map((m) => m.email)
        .reverse(),
    );

    const one = await cf.iam.userGroups.members.get(chosen[0].id, { account_id, user_group_id });
    expect(one).toMatchObject({ id: chosen[0].id, email: chosen[0].email, user: { email: chosen[0].email } });
    expect(one.created_at).toBeTruthy();

    const removed = await cf.iam.userGroups.members.delete(chosen[0].id, { account_id, user_group_id });
    expect(removed.id).toBe(chosen[0].id);
    // fact 34: a valid account member who is not in the group.
    const missing = await apiError(() => cf.iam.userGroups.members.get(chosen[0].id, { account_id, user_group_id }));
    expect(missing.errors[0]).toMatchObject({ code: 404, message: expect.stringContaining("not found in user group") });
    // fact 36: PUT [] empties the group and leaves it.
    expect(await collect(cf.iam.userGroups.members.update(user_group_id, { account_id, members: [] }))).toEqual([]);
    expect((await cf.iam.userGroups.get(user_group_id, { account_id })).id).toBe(user_group_id);
  });

  it("fact 33: a member id that is not an account member is InvalidMember (code 400), on POST and DELETE", async () => {
    const group = await cf.iam.userGroups.create({ account_id, name: "Strangers", policies: [] });
    await untilMembersVisible(emulator(), group.id);
    const error = await apiError(() => collect(cf.iam.userGroups.members.create(group.id, { account_id, members: [{ id: "a".repeat(32) }] })));
    expect(error.status).toBe(400);
    expect(error.errors[0]).toMatchObject({ code: 400 });
    const removal = await apiError(() => cf.iam.userGroups.members.delete("a".repeat(32), { account_id, user_group_id: group.id }));
    expect(removal.errors[0]).toMatchObject({ code: 400 });
  });

  it("deletes a user group", async () => {
    const group = await cf.iam.userGroups.create({ account_id, name: "Short-lived", policies: [] });
    expect(await cf.iam.userGroups.delete(group.id, { account_id })).toEqual({ id: group.id });
    // fact 25: 404 with code 404 and "User group".
    expect((await apiError(() => cf.iam.userGroups.get(group.id, { account_id }))).errors[0]).toMatchObject({
      code: 404,
      message: expect.stringContaining("User group"),
    });
  });
});

describe("SSO connectors", () => {
  it("creates, verifies, updates, lists and deletes", async () => {
    const created = await cf.iam.sso.create({ account_id, email_domain: "corp.example.com", use_fedramp_language: true });
    expect(created).toMatchObject({ email_domain: "corp.example.com", enabled: false, use_fedramp_language: true });
    expect(created.verification).toEqual({ code: `cloudflare_dashboard_sso=${created.id}`, status: "awaiting" });

    const begun = await cf.iam.sso.beginVerification(created.id!, { account_id });
    expect(begun.success).toBe(true);
    expect((await cf.iam.sso.get(created.id!, { account_id })).verification?.status).toBe("pending");
    await admin(emulator(), "POST", `/sso_connectors/${created.id}/verification`, { status: "verified" });

    const updated = await cf.iam.sso.update(created.id!, { account_id, enabled: true, use_fedramp_language: false });
    expect(updated).toMatchObject({ enabled: true, use_fedramp_language: false, verification: { status: "verified" } });
    expect((await collect(cf.iam.sso.list({ account_id }))).map((c) => c.id)).toContain(created.id);

    expect(await cf.iam.sso.delete(created.id!, { account_id })).toEqual({ id: created.id });
    expect((await apiError(() => cf.iam.sso.get(created.id!, { account_id }))).status).toBe(404);
  });

  it("rejects a domain with a scheme, and a second connector for one domain", async () => {
    const scheme = await apiError(() => cf.iam.sso.create({ account_id, email_domain: "https://example.org" }));
    expect(scheme.status).toBe(400);
    await cf.iam.sso.create({ account_id, email_domain: "once.example.org", begin_verification: true });
    const twice = await apiError(() => cf.iam.sso.create({ account_id, email_domain: "once.example.org" }));
    expect(twice.status).toBe(409);
  });
});

describe("OAuth clients and scopes", () => {
  const base = {
    client_name: "CI deployer",
    grant_types: ["authorization_code" as const],
    redirect_uris: ["https://ci.example.com/callback"],
    response_types: ["code" as const],
    scopes: ["zone.read", "openid"],
    token_endpoint_auth_method: "client_secret_basic" as const,
  };

  it("lists the OAuth scopes", async () => {
    const scopes = await collect(cf.iam.oauthScopes.list());
    expect(scopes.map((s) => s.id)).toContain("zone.dns.write");
    expect(scopes[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String) }));
  });

  it("returns the secret on create only, and manages openid and offline_access itself", async () => {
    const created = await cf.iam.oauthClients.create({ account_id, ...base, grant_types: ["authorization_code", "refresh_token"] });
    expect(created.client_secret).toMatch(/^cfoauth_/);
    expect(created.visibility).toBe("private");
    expect(created.scopes).toEqual(["offline_access", "zone.read"]);
    const got = await cf.iam.oauthClients.get(created.client_id, { account_id });
    expect(got).not.toHaveProperty("client_secret");
    const listed = await collect(cf.iam.oauthClients.list({ account_id }));
    expect(listed.find((c) => c.client_id === created.client_id)).not.toHaveProperty("client_secret");

    const updated = await cf.iam.oauthClients.update(created.client_id, {
      account_id,
      response_types: ["code", "id_token"],
      grant_types: ["authorization_code"],
    });
    expect(updated.scopes).toEqual(["openid", "zone.read"]);
    expect(updated).not.toHaveProperty("client_secret");
  });

  it("rotates the secret, keeps the old one until it is deleted", async () => {
    const created = await cf.iam.oauthClients.create({ account_id, ...base });
    const rotated = await cf.iam.oauthClients.rotateSecret(created.client_id, { account_id });
    expect(rotated.client_secret).toMatch(/^cfoauth_/);
    expect(rotated.client_secret).not.toBe(created.client_secret);
    expect((await cf.iam.oauthClients.get(created.client_id, { account_id })).has_rotated_secret).toBe(true);
    expect(await cf.iam.oauthClients.deleteRotatedSecret(created.client_id, { account_id })).toEqual({ id: created.client_id });
    expect((await cf.iam.oauthClients.get(created.client_id, { account_id })).has_rotated_secret).toBe(false);
    expect(await cf.iam.oauthClients.delete(created.client_id, { account_id })).toEqual({ id: created.client_id });
    expect((await apiError(() => cf.iam.oauthClients.get(created.client_id, { account_id }))).status).toBe(404);
  });

  it.each([
    ["a colon-delimited scope", { scopes: ["zone:read"] }, 1007],
    ["an unknown dot-delimited scope", { scopes: ["zone.teleport"] }, 1007],
    ["grant_types without authorization_code", { grant_types: ["refresh_token"] }, 1008],
    ["an optional scope not in scopes", { optional_scopes: ["zone.dns.read"] }, 1010],
    ["openid as an optional scope", { optional_scopes: ["openid"] }, 1010],
  ])("rejects %s", async (_, override, code) => {
    const error = await apiError(() => cf.iam.oauthClients.create({ account_id, ...base, ...(override as object) }));
    expect(error.status).toBe(400);
    expect(error.errors[0]).toMatchObject({ code });
  });

  it("promotes to public only when the requirements are met, and never demotes", async () => {
    const created = await cf.iam.oauthClients.create({ account_id, ...base, client_uri: "https://ci.example.com" });
    const unmet = await apiError(() => cf.iam.oauthClients.update(created.client_id, { account_id, visibility: "public" }));
    expect(unmet.errors[0]).toMatchObject({ code: 1012 });
    expect(unmet.errors[0].message).toContain("logo_uri");

    await admin(emulator(), "POST", `/oauth_clients/${created.client_id}/client_uri_verification`, { status: "verified" });
    const promoted = await cf.iam.oauthClients.update(created.client_id, {
      account_id,
      visibility: "public",
      logo_uri: "https://ci.example.com/logo.png",
    });
    expect(promoted.visibility).toBe("public");

    const demote = await apiError(() => cf.iam.oauthClients.update(created.client_id, { account_id, visibility: "private" as never }));
    expect(demote.errors[0]).toMatchObject({ code: 1011 });
  });
});

describe("account members", () => {
  it("lists every member across pages, by email, and gets one", async () => {
    const all = await collect(cf.accounts.members.list({ account_id, per_page: 25 }));
    expect(all.map((m) => m.user?.email)).toEqual(accountMembers.map((m) => m.email).sort());
    const pending = await collect(cf.accounts.members.list({ account_id, status: "pending" }));
    expect(pending.length).toBe(accountMembers.filter((m) => m.status === "pending").length);
    const one = await cf.accounts.members.get(accountMembers[0].id, { account_id });
    expect(one).toMatchObject({ id: accountMembers[0].id, user: { email: accountMembers[0].email } });
  });

  it("facts 73 and 74: the owner is an accepted member holding Super Administrator as a whole Role; fact 61: its mirrored policy comes expanded, with an id", async () => {
    const owner = await cf.accounts.members.get(accountOwner.id, { account_id });
    expect(owner.status).toBe("accepted");
    expect(owner.roles).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        name: "Super Administrator - All Privileges",
        description: expect.any(String),
        permissions: expect.objectContaining({ billing: { read: true, edit: true } }),
      },
    ]);
    const [policy] = owner.policies!;
    expect(policy).toMatchObject({ id: expect.any(String), access: "allow" });
    expect(policy.permission_groups).toEqual([
      expect.objectContaining({ id: expect.any(String), name: "Super Administrator - All Privileges", meta: expect.objectContaining({ label: "all_privileges" }) }),
    ]);
    expect(policy.resource_groups).toEqual([
      expect.objectContaining({ id: expect.any(String), name: `com.cloudflare.api.account.${account_id}`, scope: expect.any(Object), meta: expect.any(Object) }),
    ]);
    const listed = (await collect(cf.accounts.members.list({ account_id, per_page: 50 }))).find((m) => m.id === accountOwner.id);
    expect(listed).toEqual(owner);
  });

  it("facts 49 and 71: at most 50 a page; facts 50 and 67: an unknown member is code 1003", async () => {
    expect((await cf.accounts.members.list({ account_id, per_page: 500 })).result).toHaveLength(50);
    expect((await apiError(() => cf.accounts.members.get("0".repeat(32), { account_id }))).errors[0]).toMatchObject({ code: 1003 });
  });
});

describe("account member writes", () => {
  const roleId = (name: string) => legacyRoles.find((r) => r.name === name)!.id;
  const adminGroup = () => permissionGroups.find((pg) => pg.meta.label === "admin")!.id;
  let systemGroup: string;
  beforeAll(async () => {
    systemGroup = (await collect(cf.iam.resourceGroups.list({ account_id }))).find((g) => g.name === `com.cloudflare.api.account.${account_id}`)!.id;
  });

  it("fact 57: create invites as pending; fact 54: its answer has no roles, the GET has them (fact 62: mirrored as a policy)", async () => {
    const created = await cf.accounts.members.create({ account_id, email: "sdk.invite@example.net", roles: [roleId("Administrator")] });
    expect(created.status).toBe("pending");
    expect(created.roles).toBeUndefined();
    const got = await cf.accounts.members.get(created.id!, { account_id });
    expect(got.roles!.map((r) => r.name)).toEqual(["Administrator"]);
    expect(got.policies!.map((p) => p.permission_groups!.map((g) => g.id))).toEqual([[adminGroup()]]);
  });

  it("fact 52: create takes policies; fact 62: they read back with the mirrored role", async () => {
    const created = await cf.accounts.members.create({
      account_id,
      email: "sdk.policies@example.net",
      policies: [{ access: "allow", permission_groups: [{ id: adminGroup() }], resource_groups: [{ id: systemGroup }] }],
    });
    expect((await cf.accounts.members.get(created.id!, { account_id })).roles!.map((r) => r.id)).toEqual([roleId("Administrator")]);
  });

  it("fact 58: status accepted for an address with no Cloudflare user is code 1001; fact 69: a duplicate is 'already exists'", async () => {
    const automatic = await apiError(() => cf.accounts.members.create({ account_id, email: "nobody.yet@example.net", roles: [], status: "accepted" }));
    expect(automatic.errors[0]).toMatchObject({ code: 1001, message: "Invalid request: automatic verification of new members is not allowed" });
    const duplicate = await apiError(() => cf.accounts.members.create({ account_id, email: accountMembers[0].email.toUpperCase(), roles: [] }));
    expect(duplicate.status).toBe(400);
    expect(duplicate.errors[0].message).toBe("Account member already exists for email address");
  });

  it("fact 53: update sends roles as {id} objects and fact 64: replaces them; fact 68: an unknown member is code 400", async () => {
    const created = await cf.accounts.members.create({ account_id, email: "sdk.update@example.net", roles: [roleId("DNS")] });
    const updated = await cf.accounts.members.update(created.id!, { account_id, roles: [{ id: roleId("Billing") }] });
    expect(updated.roles!.map((r) => r.name)).toEqual(["Billing"]);
    expect((await apiError(() => cf.accounts.members.update("0".repeat(32), { account_id, roles: [] }))).errors[0]).toMatchObject({ code: 400 });
  });

  it("fact 66: delete answers {id}; fact 67: the member is then 1003, and so is a second delete", async () => {
    const created = await cf.accounts.members.create({ account_id, email: "sdk.delete@example.net", roles: [] });
    expect(await cf.accounts.members.delete(created.id!, { account_id })).toEqual({ id: created.id });
    expect((await apiError(() => cf.accounts.members.get(created.id!, { account_id }))).errors[0]).toMatchObject({ code: 1003 });
    expect((await apiError(() => cf.accounts.members.delete(created.id!, { account_id }))).errors[0]).toMatchObject({ code: 1003 });
  });
});

describe("legacy roles (fact 78: deprecated, still served)", () => {
  it("lists every role across pages, each with read and edit flags per resource type, and gets one", async () => {
    const firstPage = await cf.accounts.roles.list({ account_id, per_page: 5 });
    expect(firstPage.result).toHaveLength(5);
    const all = await collect(cf.accounts.roles.list({ account_id, per_page: 5 }));
    expect(all.map((r) => r.name)).toEqual(legacyRoles.map((r) => r.name));
    expect(all.map((r) => r.name)).toEqual(expect.arrayContaining(["Super Administrator - All Privileges", "Administrator", "Administrator Read Only"]));
    const readOnly = all.find((r) => r.name === "Administrator Read Only")!;
    expect(Object.keys(readOnly.permissions).sort()).toEqual([
      "analytics",
      "billing",
      "cache_purge",
      "dns",
      "dns_records",
      "lb",
      "logs",
      "organization",
      "ssl",
      "waf",
      "zone_settings",
      "zones",
    ]);
    expect(readOnly.permissions.dns).toEqual({ read: true, edit: false });
    expect(await cf.accounts.roles.get(readOnly.id, { account_id })).toEqual(readOnly);
    expect((await apiError(() => cf.accounts.roles.get("f".repeat(32), { account_id }))).status).toBe(404);
  });

  it("fact 74: Terraform's 100 a page is accepted", async () => {
    expect((await cf.accounts.roles.list({ account_id, per_page: 100 })).result).toHaveLength(legacyRoles.length);
  });
});

describe("authentication and rate limiting", () => {
  it("fact 51: a malformed account id is InvalidRoute, code 7003", async () => {
    const error = await apiError(() => cf.iam.userGroups.get("0".repeat(32), { account_id: "invalid-account-id" }));
    expect(error.errors[0]).toMatchObject({ code: 7003 });
  });

  it("answers 403 for a wrong token and 401 for none", async () => {
    const wrong = new Cloudflare({ apiToken: "wrong-token", baseURL: emulator().baseUrl, maxRetries: 0 });
    const error = await apiError(() => wrong.iam.permissionGroups.get("c8fed203ed3043cba015a93ad1616f1f", { account_id }));
    expect(error.status).toBe(403);
    expect(error.errors[0]).toMatchObject({ code: 10000 });
    const none = await fetch(`${emulator().baseUrl}/accounts/${account_id}/iam/permission_groups`);
    expect(none.status).toBe(401);
  });

  it("answers 429 with code 971 and Retry-After past the limit", async () => {
    await admin(emulator(), "PUT", "/rate_limit", { limit: 3, window_seconds: 60 });
    try {
      for (let i = 0; i < 3; i++) await cf.iam.oauthScopes.list();
      const error = await apiError(() => cf.iam.oauthScopes.list());
      expect(error.status).toBe(429);
      expect(error.errors[0]).toMatchObject({ code: 971 });
      expect(Number(error.headers?.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await admin(emulator(), "PUT", "/rate_limit", { enabled: false });
    }
  });
});

it("fact 39: lists SCIM groups with the externalId of the ones an identity provider pushed", async () => {
  const group = await cf.iam.userGroups.create({ account_id, name: "From Okta" } as never);
  await admin(emulator(), "PUT", `/user_groups/${group.id}/scim`, { externalId: "okta-42" });
  const response = await fetch(`${emulator().baseUrl}/accounts/${account_id}/scim/v2/Groups`, { headers: { authorization: `Bearer ${emulator().token}` } });
  const list = (await response.json()) as { Resources: { id: string; displayName: string; externalId?: string }[] };
  expect(list.Resources.find((g) => g.id === group.id)).toMatchObject({ displayName: "From Okta", externalId: "okta-42" });
  expect((await apiError(() => cf.iam.userGroups.delete(group.id, { account_id }))).errors[0].message).toContain("SCIM");
});

describe("audit logs (facts 100–122)", () => {
  const window = () => ({ since: new Date(Date.now() - 3_600_000).toISOString(), before: new Date(Date.now() + 60_000).toISOString() });

  it("fact 102: the SDK reads v2 entries, but its cursors.after paging stops after the first page", async () => {
    const pages = cf.accounts.logs.audit.list({ account_id, ...window(), limit: 1 });
    const seen = await collect(pages);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ action: { result: "success" }, actor: { context: "api_token" }, raw: { method: expect.any(String) } });
  });

  it("lists v1 entries and verifies the token", async () => {
    const page = await cf.auditLogs.list({ account_id, per_page: 5 });
    expect(page.result.length).toBeGreaterThan(0);
    expect((await cf.user.tokens.verify()).status).toBe("active");
  });

  it("GET /user: an account-owned token (one with no user) is refused, as AccountMember's removal guard assumes", async () => {
    const error = await apiError(() => cf.user.get());
    expect(error.status).toBe(403);
  });
});

it("exercised every API route through the SDK", async () => {
  const used = new Set(Object.keys((await stats(emulator())).byRoute));
  const missing = apiRouter()
    .list()
    .filter((route) => !used.has(route));
  expect(missing).toEqual([]);
});
