import { z } from "zod";
import { list, optional, serverString } from "../../client";
import type { CheckFailure } from "../../framework/check";
import { containsUnknown } from "../../framework/unknown";
import { accountId, idSet, setOf } from "../common";

/** Scopes the server adds or removes itself, from grantTypes and responseTypes. */
export const SERVER_MANAGED_SCOPES = ["openid", "offline_access"];
const NEVER_OPTIONAL = ["openid", "offline", "offline_access"];

function isUrl(value: string, loopbackHttp: boolean): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || (loopbackHttp && url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
  } catch {
    return false;
  }
}

const httpsUrl = z.string().refine((v) => isUrl(v, false), "must be an absolute https URL");
const redirectUri = z.string().refine((v) => isUrl(v, true), "must be an absolute https URL (plain http only for localhost)");
const origin = z.string().refine((v) => isUrl(v, true) && new URL(v).origin === v.replace(/\/$/, ""), "must be an origin such as https://app.example.com, with no path");
const scope = z
  .string()
  .min(1, "must not be empty")
  .refine((s) => !s.includes(":"), "colon-delimited scopes are rejected by Cloudflare: use the dot-delimited form, e.g. zone.read");

export const inputsSchema = z
  .object({
    accountId,
    clientName: z.string().trim().min(1, "must not be empty"),
    grantTypes: setOf(z.enum(["authorization_code", "refresh_token"])).refine((v) => v.length > 0, "must not be empty"),
    redirectUris: setOf(redirectUri).refine((v) => v.length > 0, "must list at least one redirect URI"),
    responseTypes: setOf(z.enum(["code", "token", "id_token"])).refine((v) => v.length > 0, "must not be empty"),
    scopes: setOf(scope),
    tokenEndpointAuthMethod: z.enum(["none", "client_secret_basic", "client_secret_post"]),
    allowedCorsOrigins: setOf(origin).default([]),
    postLogoutRedirectUris: setOf(redirectUri).default([]),
    optionalScopes: setOf(scope).default([]),
    clientUri: httpsUrl.optional(),
    logoUri: httpsUrl.optional(),
    policyUri: httpsUrl.optional(),
    tosUri: httpsUrl.optional(),
    visibility: z.enum(["private", "public"]).default("private"),
    /** Change it (any new value) to rotate the client secret. */
    secretVersion: z.number().int().nonnegative().default(0),
    /** Delete the secret the last rotation replaced, once every consumer uses the new one. */
    deleteRotatedSecret: z.boolean().default(false),
    adoptId: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, "must be an OAuth client id")
      .optional(),
  })
  .strict();

export type OAuthClientInputs = z.output<typeof inputsSchema>;

export const clientRules = [
  (inputs: OAuthClientInputs): CheckFailure[] =>
    containsUnknown(inputs.grantTypes) || inputs.grantTypes.includes("authorization_code")
      ? []
      : [{ property: "grantTypes", reason: "must include authorization_code (refresh_token is optional)" }],
  (inputs: OAuthClientInputs): CheckFailure[] =>
    containsUnknown(inputs.optionalScopes) || containsUnknown(inputs.scopes)
      ? []
      : inputs.optionalScopes.flatMap((s, i) =>
          NEVER_OPTIONAL.includes(s)
            ? [{ property: `optionalScopes[${i}]`, reason: `${s} cannot be optional` }]
            : inputs.scopes.includes(s)
              ? []
              : [{ property: `optionalScopes[${i}]`, reason: `${s} must also be listed in scopes` }],
        ),
];

/** The fields Cloudflare stores, in the provider's names; also the PATCH body's. */
export const apiFields = {
  clientName: "client_name",
  grantTypes: "grant_types",
  redirectUris: "redirect_uris",
  responseTypes: "response_types",
  scopes: "scopes",
  tokenEndpointAuthMethod: "token_endpoint_auth_method",
  allowedCorsOrigins: "allowed_cors_origins",
  postLogoutRedirectUris: "post_logout_redirect_uris",
  optionalScopes: "optional_scopes",
  clientUri: "client_uri",
  logoUri: "logo_uri",
  policyUri: "policy_uri",
  tosUri: "tos_uri",
} as const;
export type ApiField = keyof typeof apiFields;

export interface OAuthClientOutputs extends Omit<OAuthClientInputs, "adoptId"> {
  clientId: string;
  /** Known only from create and rotation; kept from state on every read. */
  clientSecret: string;
  hasRotatedSecret: boolean;
  clientUriVerificationStatus: string;
  clientUriVerificationText: string;
  createdAt: string;
  updatedAt: string;
}

const strings = list(z.string());
const text = optional(z.string());
/** facts 44 and 46: `client_id` and `visibility` always come back; the rest may be null or missing. */
export const apiClient = z.object({
  client_id: z.string(),
  client_secret: text,
  visibility: serverString,
  client_name: text,
  grant_types: strings,
  redirect_uris: strings,
  response_types: strings,
  scopes: strings,
  token_endpoint_auth_method: serverString,
  allowed_cors_origins: strings,
  post_logout_redirect_uris: strings,
  optional_scopes: strings,
  client_uri: text,
  logo_uri: text,
  policy_uri: text,
  tos_uri: text,
  has_rotated_secret: optional(z.boolean()),
  client_uri_verification: optional(z.object({ status: serverString, text })),
  created_at: text,
  updated_at: text,
});
export type ApiClient = z.infer<typeof apiClient>;

/** Scopes compare as a set, without the ones the server manages itself. */
export function canonicalScopes(scopes: string[] | undefined): string[] {
  return idSet(scopes).filter((s) => !SERVER_MANAGED_SCOPES.includes(s));
}

export function requestBody(inputs: OAuthClientInputs, fields: readonly ApiField[] = Object.keys(apiFields) as ApiField[]) {
  return Object.fromEntries(fields.filter((f) => inputs[f] !== undefined).map((f) => [apiFields[f], inputs[f]]));
}

type Kept = Pick<OAuthClientOutputs, "clientSecret" | "secretVersion" | "deleteRotatedSecret">;

export function toOutputs(accountId: string, api: ApiClient, kept: Kept): OAuthClientOutputs {
  return {
    accountId,
    clientId: api.client_id,
    clientName: api.client_name ?? "",
    grantTypes: idSet(api.grant_types) as OAuthClientOutputs["grantTypes"],
    redirectUris: idSet(api.redirect_uris),
    responseTypes: idSet(api.response_types) as OAuthClientOutputs["responseTypes"],
    scopes: idSet(api.scopes),
    tokenEndpointAuthMethod: (api.token_endpoint_auth_method ?? "none") as OAuthClientOutputs["tokenEndpointAuthMethod"],
    allowedCorsOrigins: idSet(api.allowed_cors_origins),
    postLogoutRedirectUris: idSet(api.post_logout_redirect_uris),
    optionalScopes: idSet(api.optional_scopes),
    clientUri: api.client_uri,
    logoUri: api.logo_uri,
    policyUri: api.policy_uri,
    tosUri: api.tos_uri,
    visibility: (api.visibility ?? "private") as OAuthClientOutputs["visibility"],
    hasRotatedSecret: api.has_rotated_secret ?? false,
    clientUriVerificationStatus: api.client_uri_verification?.status ?? "",
    clientUriVerificationText: api.client_uri_verification?.text ?? "",
    createdAt: api.created_at ?? "",
    updatedAt: api.updated_at ?? "",
    ...kept,
  };
}
