/**
 * Contract: Cloudflare's official TypeScript SDK, pointed at the emulator through `baseURL`,
 * gets the answers the API reference describes (and, for account members, the shape of
 * Cloudflare's Account Members API). The last test checks that every route was used.
 */
import Cloudflare from "cloudflare";
import { accountMembers, apiRouter, permissionGroups } from "../../emulator";
import { admin, stats, useEmulator } from "../support/emulator";

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
    expect((firstPage.result_info as { total_count?: number }).total_count).toBe(permissionGroups.length);
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
    expect(created.scope).toEqual([zoneScope("a")]);

    const listed = await collect(cf.iam.resourceGroups.list({ account_id }));
    expect(listed.map((g) => g.id)).toContain(created.id);
    const got = await cf.iam.resourceGroups.get(created.id, { account_id });
    expect(got).toEqual(created);

    const updated = await cf.iam.resourceGroups.update(created.id, { account_id, name: "zone-b", scope: zoneScope("b") });
    expect(updated).toMatchObject({ id: created.id, name: "zone-b", scope: [zoneScope("b")] });

    expect(await cf.iam.resourceGroups.delete(created.id, { account_id })).toEqual({ id: created.id });
    expect((await apiError(() => cf.iam.resourceGroups.get(created.id, { account_id }))).status).toBe(404);
  });

  it("rejects a scope with no objects", async () => {
    const error = await apiError(() =>
      cf.iam.resourceGroups.create({ account_id, name: "empty", scope: { key: "com.cloudflare.api.account.x", objects: [] } }),
    );
    expect(error.status).toBe(400);
    expect(error.errors[0]).toMatchObject({ code: 1012 });
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

  it("keeps a policy's id when an update sends it back", async () => {
    const group = (await cf.iam.userGroups.list({ account_id, name: "Ops" })).result[0];
    const kept = group.policies![0];
    const updated = await cf.iam.userGroups.update(group.id, {
      account_id,
      name: "Ops renamed",
      policies: [
        { id: kept.id!, access: "allow", permission_groups: [{ id: zoneRead }, { id: magic }], resource_groups: [{ id: resourceGroup }] },
        { access: "deny", permission_groups: [{ id: zoneRead }], resource_groups: [{ id: resourceGroup }] } as never,
      ],
    });
    expect(updated.name).toBe("Ops renamed");
    expect(updated.policies!.map((p) => p.id)).toContain(kept.id);
    expect(updated.policies).toHaveLength(2);
    expect((await cf.iam.userGroups.get(group.id, { account_id })).policies).toEqual(updated.policies);
  });

  it("adds, replaces, lists, gets and removes members, sorted by email", async () => {
    const group = await cf.iam.userGroups.create({ account_id, name: "Members", policies: [] });
    const user_group_id = group.id;
    const chosen = accountMembers.slice(0, 55);
    const byEmail = [...chosen].sort((a, b) => a.email.localeCompare(b.email));

    const added = await collect(cf.iam.userGroups.members.create(user_group_id, { account_id, members: chosen.slice(0, 3).reverse() }));
    expect(added.map((m) => m.email)).toEqual(chosen.slice(0, 3).map((m) => m.email).sort());

    const replaced = await collect(cf.iam.userGroups.members.update(user_group_id, { account_id, members: chosen.map(({ id }) => ({ id })) }));
    expect(replaced.map((m) => m.id)).toEqual(byEmail.map((m) => m.id));

    const pages = await collect(cf.iam.userGroups.members.list(user_group_id, { account_id, per_page: 20 }));
    expect(pages.map((m) => m.id)).toEqual(byEmail.map((m) => m.id));
    const desc = await cf.iam.userGroups.members.list(user_group_id, { account_id, direction: "desc", fuzzyEmail: "hopper" });
    expect(desc.result.map((m) => m.email)).toEqual(byEmail.filter((m) => m.email.includes("hopper")).map((m) => m.email).reverse());

    const one = await cf.iam.userGroups.members.get(chosen[0].id, { account_id, user_group_id });
    expect(one).toMatchObject({ id: chosen[0].id, email: chosen[0].email, user: { email: chosen[0].email } });
    expect(one.created_at).toBeTruthy();

    const removed = await cf.iam.userGroups.members.delete(chosen[0].id, { account_id, user_group_id });
    expect(removed.id).toBe(chosen[0].id);
    const missing = await apiError(() => cf.iam.userGroups.members.get(chosen[0].id, { account_id, user_group_id }));
    expect(missing.status).toBe(404);
  });

  it("rejects a member id that is not an account member", async () => {
    const group = await cf.iam.userGroups.create({ account_id, name: "Strangers", policies: [] });
    const error = await apiError(() =>
      collect(cf.iam.userGroups.members.update(group.id, { account_id, members: [{ id: "a".repeat(32) }] })),
    );
    expect(error.status).toBe(400);
    expect(error.errors[0]).toMatchObject({ code: 1006 });
  });

  it("deletes a user group", async () => {
    const group = await cf.iam.userGroups.create({ account_id, name: "Short-lived", policies: [] });
    expect(await cf.iam.userGroups.delete(group.id, { account_id })).toEqual({ id: group.id });
    expect((await apiError(() => cf.iam.userGroups.get(group.id, { account_id }))).status).toBe(404);
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
    ["an optional scope not in scopes", { optional_scopes: ["zone.dns.read"] }, 1009],
    ["openid as an optional scope", { optional_scopes: ["openid"] }, 1009],
  ])("rejects %s", async (_, override, code) => {
    const error = await apiError(() => cf.iam.oauthClients.create({ account_id, ...base, ...(override as object) }));
    expect(error.status).toBe(400);
    expect(error.errors[0]).toMatchObject({ code });
  });

  it("promotes to public only when the requirements are met, and never demotes", async () => {
    const created = await cf.iam.oauthClients.create({ account_id, ...base, client_uri: "https://ci.example.com" });
    const unmet = await apiError(() => cf.iam.oauthClients.update(created.client_id, { account_id, visibility: "public" }));
    expect(unmet.errors[0]).toMatchObject({ code: 1011 });
    expect(unmet.errors[0].message).toContain("logo_uri");

    await admin(emulator(), "POST", `/oauth_clients/${created.client_id}/client_uri_verification`, { status: "verified" });
    const promoted = await cf.iam.oauthClients.update(created.client_id, {
      account_id,
      visibility: "public",
      logo_uri: "https://ci.example.com/logo.png",
    });
    expect(promoted.visibility).toBe("public");

    const demote = await apiError(() => cf.iam.oauthClients.update(created.client_id, { account_id, visibility: "private" as never }));
    expect(demote.errors[0]).toMatchObject({ code: 1010 });
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
});

describe("authentication and rate limiting", () => {
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

it("exercised every API route through the SDK", async () => {
  const used = new Set(Object.keys((await stats(emulator())).byRoute));
  const missing = apiRouter().list().filter((route) => !used.has(route));
  expect(missing).toEqual([]);
});
