import { z } from "zod";
import { ApiFailure, ErrorCodes, invalid, notFound } from "../api-error";
import { newId, newSecret, now } from "../ids";
import { parseBody, type Router, requireFound } from "../router";
import { identityScopes, oauthScopes } from "../seed";
import type { OAuthClientRecord, Store } from "../store";

const grantType = z.enum(["authorization_code", "refresh_token"]);
const responseType = z.enum(["code", "token", "id_token"]);
const authMethod = z.enum(["none", "client_secret_basic", "client_secret_post"]);

function isUrl(value: string, allowLoopbackHttp: boolean): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === "https:") return true;
    return allowLoopbackHttp && url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

const httpsUrl = z.string().refine((v) => isUrl(v, false), "must be an absolute https URL");
const redirectUri = z.string().refine((v) => isUrl(v, true), "must be an absolute https URL (http only for localhost)");
const origin = z.string().refine((v) => isUrl(v, true) && new URL(v).origin === v.replace(/\/$/, ""), "must be an origin such as https://app.example.com");

const fields = {
  client_name: z.string().min(1, "must not be empty"),
  grant_types: z.array(grantType).min(1, "must not be empty"),
  redirect_uris: z.array(redirectUri).min(1, "must not be empty"),
  response_types: z.array(responseType).min(1, "must not be empty"),
  scopes: z.array(z.string().min(1, "must not be empty")),
  token_endpoint_auth_method: authMethod,
  allowed_cors_origins: z.array(origin).optional(),
  client_uri: httpsUrl.optional(),
  logo_uri: httpsUrl.optional(),
  policy_uri: httpsUrl.optional(),
  tos_uri: httpsUrl.optional(),
  post_logout_redirect_uris: z.array(redirectUri).optional(),
  optional_scopes: z.array(z.string()).optional(),
};

const createSchema = z.object(fields);
const clearable = ["client_uri", "logo_uri", "policy_uri", "tos_uri"] as const;

/** A PATCH may also clear an optional URI by sending null. */
const updateSchema = z
  .object(fields)
  .partial()
  .extend({
    visibility: z.string().optional(),
    ...Object.fromEntries(clearable.map((f) => [f, httpsUrl.nullable().optional()])),
  });

const nonOptionalScopes = ["openid", "offline", "offline_access"];

function checkScopes(client: Pick<OAuthClientRecord, "scopes" | "optional_scopes" | "grant_types">): void {
  client.scopes.forEach((scope, i) => {
    if (scope.includes(":")) {
      throw invalid(`scope ${JSON.stringify(scope)} is colon-delimited; use dot-delimited scopes`, `/scopes/${i}`, ErrorCodes.invalidOAuthScope);
    }
    const known = scope.includes(".") ? oauthScopes.some((s) => s.id === scope) : identityScopes.includes(scope);
    if (!known) {
      throw invalid(`scope ${JSON.stringify(scope)} is not an available OAuth scope`, `/scopes/${i}`, ErrorCodes.invalidOAuthScope);
    }
  });
  if (!client.grant_types.includes("authorization_code")) {
    throw invalid("grant_types must include authorization_code", "/grant_types", ErrorCodes.missingAuthorizationCode);
  }
  client.optional_scopes.forEach((scope, i) => {
    if (nonOptionalScopes.includes(scope)) {
      throw invalid(`${scope} cannot be an optional scope`, `/optional_scopes/${i}`, ErrorCodes.optionalScopeNotInScopes);
    }
    if (!client.scopes.includes(scope)) {
      throw invalid(`optional scope ${scope} is not in scopes`, `/optional_scopes/${i}`, ErrorCodes.optionalScopeNotInScopes);
    }
  });
}

/** The server owns `openid` (with the id_token response type) and `offline_access` (with refresh_token). */
export function serverScopes(scopes: string[], grantTypes: string[], responseTypes: string[]): string[] {
  const chosen = new Set(scopes.filter((s) => s !== "openid" && s !== "offline_access"));
  if (responseTypes.includes("id_token")) chosen.add("openid");
  if (grantTypes.includes("refresh_token")) chosen.add("offline_access");
  return [...chosen].sort();
}

function uriVerification(clientUri: string | undefined, previous: OAuthClientRecord["client_uri_verification"], previousUri?: string) {
  if (!clientUri) return undefined;
  if (previous && previousUri && new URL(previousUri).host === new URL(clientUri).host) return previous;
  return { status: "pending" as const, text: `cloudflare-oauth-client-verification=${newId()}` };
}

function checkPromotion(client: OAuthClientRecord): void {
  const problems: string[] = [];
  if (!client.client_name.trim()) problems.push("a non-empty client_name");
  if (!client.logo_uri) problems.push("a logo_uri");
  if (client.client_uri_verification?.status !== "verified") problems.push("a verified client_uri host");
  if (!client.scopes.some((s) => s.includes("."))) problems.push("at least one non-identity scope");
  if (problems.length) {
    throw invalid(`a public client needs ${problems.join(", ")}`, "/visibility", ErrorCodes.promotionRequirements);
  }
}

/** Absent optional URIs come back as `null`, as the real API's nullable fields do (fact 43). */
export function oauthClientView(record: OAuthClientRecord) {
  const { secret: _secret, rotated_secret, ...visible } = record;
  return { client_uri: null, logo_uri: null, policy_uri: null, tos_uri: null, ...visible, has_rotated_secret: rotated_secret !== undefined };
}

export function findClient(store: Store, id: string): OAuthClientRecord {
  return requireFound(store.account.oauthClients[id], () => notFound("OAuth client", id));
}

export function registerOAuthClients(router: Router): void {
  const base = "/accounts/:account_id/oauth_clients";

  router.add("GET", base, (_, { store }) => ({
    result: Object.values(store.account.oauthClients)
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .map(oauthClientView),
  }));

  router.add("GET", `${base}/:oauth_client_id`, ({ params }, { store }) => ({
    result: oauthClientView(findClient(store, params.oauth_client_id)),
  }));

  router.add("POST", base, ({ body }, { store }) => {
    const input = parseBody(createSchema, body);
    const stamp = now();
    const record: OAuthClientRecord = {
      ...input,
      client_id: newId(),
      visibility: "private",
      optional_scopes: input.optional_scopes ?? [],
      allowed_cors_origins: input.allowed_cors_origins ?? [],
      post_logout_redirect_uris: input.post_logout_redirect_uris ?? [],
      client_uri_verification: uriVerification(input.client_uri, undefined),
      created_at: stamp,
      updated_at: stamp,
      secret: newSecret(),
    };
    checkScopes(record);
    record.scopes = serverScopes(record.scopes, record.grant_types, record.response_types);
    store.account.oauthClients[record.client_id] = record;
    return { result: { ...oauthClientView(record), client_secret: record.secret } };
  });

  router.add("PATCH", `${base}/:oauth_client_id`, ({ params, body }, { store }) => {
    const record = findClient(store, params.oauth_client_id);
    const { visibility, ...input } = parseBody(updateSchema, body);
    if (visibility !== undefined && visibility !== "public") {
      throw invalid("visibility can only be set to public; demoting a client to private is not supported", "/visibility", ErrorCodes.visibilityDemotion);
    }
    const next = { ...record, ...input } as OAuthClientRecord & Record<string, unknown>;
    for (const field of clearable) if (next[field] === null) delete next[field];
    next.client_uri_verification = uriVerification(next.client_uri, record.client_uri_verification, record.client_uri);
    checkScopes(next);
    next.scopes = serverScopes(next.scopes, next.grant_types, next.response_types);
    if (visibility === "public" && record.visibility !== "public") {
      checkPromotion(next);
      next.visibility = "public";
      next.promoted_at = now();
    }
    next.updated_at = now();
    store.account.oauthClients[record.client_id] = next;
    return { result: oauthClientView(next) };
  });

  router.add("DELETE", `${base}/:oauth_client_id`, ({ params }, { store }) => {
    const record = findClient(store, params.oauth_client_id);
    delete store.account.oauthClients[record.client_id];
    return { result: { id: record.client_id } };
  });

  router.add("POST", `${base}/:oauth_client_id/rotate_secret`, ({ params }, { store }) => {
    const record = findClient(store, params.oauth_client_id);
    if (record.rotated_secret !== undefined) {
      throw new ApiFailure(409, ErrorCodes.rotatedSecretExists, "the client already has a rotated secret; delete it before rotating again");
    }
    Object.assign(record, { rotated_secret: record.secret, secret: newSecret(), updated_at: now() });
    return { result: { client_secret: record.secret } };
  });

  router.add("DELETE", `${base}/:oauth_client_id/rotate_secret`, ({ params }, { store }) => {
    const record = findClient(store, params.oauth_client_id);
    if (record.rotated_secret === undefined) throw notFound("rotated secret of OAuth client", record.client_id);
    delete record.rotated_secret;
    record.updated_at = now();
    return { result: { id: record.client_id } };
  });
}
