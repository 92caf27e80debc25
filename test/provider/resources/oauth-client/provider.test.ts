import { providers } from "../../../../provider";
import { requestsTo, useProxiedProvider } from "../../../support/api-proxy";
import { admin, useEmulator } from "../../../support/emulator";
import { api, checked, created, diffOf, updated, useProviderConfig } from "../../../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);
const provider = providers.oauthClient;

const client = (overrides: object = {}) => ({
  clientName: "deployer",
  grantTypes: ["authorization_code", "refresh_token"],
  redirectUris: ["https://ci.example.com/callback"],
  responseTypes: ["code"],
  scopes: ["zone.read", "zone.dns.write"],
  tokenEndpointAuthMethod: "client_secret_basic",
  ...overrides,
});

it("returns the secret once, and keeps it through read and update", async () => {
  const { id, outs } = await created(provider, client());
  expect(outs.clientId).toBe(id);
  expect(outs.clientSecret).toMatch(/^cfoauth_/);
  expect(outs.hasRotatedSecret).toBe(false);
  const server = await api(emulator())<object>("GET", `/oauth_clients/${id}`);
  expect(server).not.toHaveProperty("client_secret");
  const read = await provider.read!(id, outs);
  expect(read.props.clientSecret).toBe(outs.clientSecret);
  expect(read.inputs).not.toHaveProperty("clientSecret");
  const next = await updated(provider, id, read.props, client({ clientName: "deployer v2" }));
  expect(next.clientName).toBe("deployer v2");
  expect(next.clientSecret).toBe(outs.clientSecret);
});

it("never diffs on the scopes the server adds or removes itself", async () => {
  const { id, outs } = await created(provider, client({ responseTypes: ["code", "id_token"] }));
  expect(outs.scopes).toEqual(["offline_access", "openid", "zone.dns.write", "zone.read"]);
  expect(await diffOf(provider, id, outs, client({ responseTypes: ["id_token", "code"], scopes: ["zone.dns.write", "zone.read"] }))).toMatchObject({
    changes: false,
  });
  expect(await diffOf(provider, id, outs, client({ responseTypes: ["code", "id_token"], scopes: ["zone.read", "openid"] }))).toMatchObject({
    changes: true,
  });
});

it("rotates the secret when secretVersion changes, then deletes the old one on request", async () => {
  const { id, outs } = await created(provider, client());
  const rotated = await updated(provider, id, outs, client({ secretVersion: 1 }));
  expect(rotated.clientSecret).not.toBe(outs.clientSecret);
  expect(rotated.hasRotatedSecret).toBe(true);
  expect((await api(emulator())<{ has_rotated_secret: boolean }>("GET", `/oauth_clients/${id}`)).has_rotated_secret).toBe(true);

  await expect(diffOf(provider, id, rotated, client({ secretVersion: 2 }))).rejects.toThrow(/set deleteRotatedSecret: true/);
  const diff = await diffOf(provider, id, rotated, client({ secretVersion: 1, deleteRotatedSecret: true }));
  expect(diff).toMatchObject({ changes: true, replaces: [] });
  const cleaned = await updated(provider, id, rotated, client({ secretVersion: 1, deleteRotatedSecret: true }));
  expect(cleaned.hasRotatedSecret).toBe(false);
  expect(cleaned.clientSecret).toBe(rotated.clientSecret);
  expect(await diffOf(provider, id, cleaned, client({ secretVersion: 1, deleteRotatedSecret: true }))).toMatchObject({ changes: false });
  await expect(diffOf(provider, id, cleaned, client({ secretVersion: 2, deleteRotatedSecret: true }))).rejects.toThrow(/set deleteRotatedSecret to false/);
});

it("promotes to public as an update and shows going back to private as a replacement", async () => {
  const { id, outs } = await created(provider, client({ clientUri: "https://ci.example.com", logoUri: "https://ci.example.com/logo.png" }));
  await admin(emulator(), "POST", `/oauth_clients/${id}/client_uri_verification`, { status: "verified" });
  const publicArgs = client({ clientUri: "https://ci.example.com", logoUri: "https://ci.example.com/logo.png", visibility: "public" });
  expect(await diffOf(provider, id, outs, publicArgs)).toMatchObject({ changes: true, replaces: [] });
  const promoted = await updated(provider, id, outs, publicArgs);
  expect(promoted.visibility).toBe("public");
  const back = await diffOf(provider, id, promoted, { ...publicArgs, visibility: "private" });
  expect(back.replaces).toEqual(["visibility"]);
});

it("clears an optional URI the program no longer sets", async () => {
  const { id, outs } = await created(provider, client({ policyUri: "https://ci.example.com/privacy" }));
  const next = await updated(provider, id, outs, client());
  expect(next).not.toHaveProperty("policyUri");
  // The API answers an absent optional field as null.
  expect(await api(emulator())<object>("GET", `/oauth_clients/${id}`)).toMatchObject({ policy_uri: null });
});

it("recovers a create whose answer was lost: one client, a fresh secret, the lost one retired", async () => {
  await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
  const { id, outs } = await created(provider, client({ clientName: "lost once" }));
  const clients = (await api(emulator())<{ client_id: string; client_name: string; has_rotated_secret: boolean }[]>("GET", "/oauth_clients")).filter(
    (c) => c.client_name === "lost once",
  );
  expect(clients.map((c) => c.client_id)).toEqual([id]);
  expect(clients[0].has_rotated_secret).toBe(false);
  expect(outs.clientSecret).toMatch(/^cfoauth_/);
  const state = await admin<{ oauthClients: Record<string, { secret: string }> }>(emulator(), "GET", "/state");
  expect(state.oauthClients[id].secret).toBe(outs.clientSecret);
});

it("recovers when the recovery's own rotation also loses its answer", async () => {
  await admin(emulator(), "PUT", "/faults", { dropNextWrites: 2 });
  const { id, outs } = await created(provider, client({ clientName: "lost twice" }));
  const clients = (await api(emulator())<{ client_id: string; client_name: string }[]>("GET", "/oauth_clients")).filter((c) => c.client_name === "lost twice");
  expect(clients.map((c) => c.client_id)).toEqual([id]);
  const state = await admin<{ oauthClients: Record<string, { secret: string; rotated_secret?: string }> }>(emulator(), "GET", "/state");
  expect(state.oauthClients[id]).toMatchObject({ secret: outs.clientSecret });
  expect(state.oauthClients[id].rotated_secret).toBeUndefined();
});

it("keeps a client it made in state when a later step of the create fails", async () => {
  const inputs = await checked(provider, client({ clientName: "public too soon", visibility: "public" }));
  const error = await provider.create!(inputs).then(
    () => {
      throw new Error("expected the create to fail");
    },
    (e: { id: string; properties: { clientSecret: string }; message: string; reasons: string[] }) => e,
  );
  expect(error.message).toMatch(/^OAuthClient create of [0-9a-f]{32} failed: .*\[1012\] a public client needs/);
  expect(error.id).toMatch(/^[0-9a-f]{32}$/);
  expect(error.properties.clientSecret).toMatch(/^cfoauth_/);
  expect(error.reasons).toEqual([error.message]);
});

it("adopts an existing client without creating one; its secret stays unknown until rotated", async () => {
  const existing = await api(emulator())<{ client_id: string }>("POST", "/oauth_clients", {
    client_name: "by hand",
    grant_types: ["authorization_code"],
    redirect_uris: ["https://hand.example.com/cb"],
    response_types: ["code"],
    scopes: ["zone.read"],
    token_endpoint_auth_method: "none",
  });
  const before = (await api(emulator())<unknown[]>("GET", "/oauth_clients")).length;
  const args = client({
    clientName: "by hand",
    redirectUris: ["https://hand.example.com/cb"],
    grantTypes: ["authorization_code"],
    scopes: ["zone.read"],
    tokenEndpointAuthMethod: "none",
  });
  const { id, outs } = await created(provider, { ...args, adoptId: existing.client_id });
  expect(id).toBe(existing.client_id);
  expect(outs.clientSecret).toBe("");
  expect((await api(emulator())<unknown[]>("GET", "/oauth_clients")).length).toBe(before);
  expect(await diffOf(provider, id, outs, args)).toMatchObject({ changes: false });
});

describe("what an update sends", () => {
  const proxy = useProxiedProvider(emulator);

  it("fact 45: a client with auth method none and hyphenated scopes renames and changes its redirect URIs in place, in one PATCH of those fields", async () => {
    const tf = client({ tokenEndpointAuthMethod: "none", scopes: ["user-details.read", "teams.read"] });
    const { id, outs } = await created(provider, tf);
    const next = { ...tf, clientName: "deployer renamed", redirectUris: ["https://ci.example.com/other"] };
    expect(await diffOf(provider, id, outs, next)).toMatchObject({ changes: true, replaces: [] });
    proxy().reset();
    expect(await updated(provider, id, outs, next)).toMatchObject({ clientId: id, clientName: "deployer renamed", redirectUris: ["https://ci.example.com/other"] });
    expect(proxy().requests.map((r) => r.method)).toEqual(["PATCH"]);
    expect(requestsTo(proxy(), "PATCH", /\/oauth_clients\/[^/]+$/)[0].body).toEqual({ client_name: "deployer renamed", redirect_uris: ["https://ci.example.com/other"] });
  });
});
