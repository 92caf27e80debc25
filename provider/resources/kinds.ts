/**
 * Every kind of resource this package provides, the one list the rest loops over: the provider
 * kind the serialized shim names (sdk/provider-shim.ts) and the type's name in its token
 * (`pulumi-nodejs:dynamic/cloudflare-iam:<type>`). Both are a contract with every state file
 * ever written: add, never rename. Each layer's per-kind part is a `Record<ProviderKind, …>`
 * (provider/index.ts, access/preview.ts), so a new kind left out of one fails to compile.
 */
export const KINDS = {
  resourceGroup: "ResourceGroup",
  userGroup: "UserGroup",
  userGroupMembers: "UserGroupMembers",
  userGroupMember: "UserGroupMember",
  ssoConnector: "SSOConnector",
  oauthClient: "OAuthClient",
  accountMember: "AccountMember",
} as const;

export type ProviderKind = keyof typeof KINDS;
export type KindType = (typeof KINDS)[ProviderKind];

/** The module of every type token: `pulumi-nodejs:dynamic/cloudflare-iam:UserGroup`. */
export const MODULE = "cloudflare-iam";
