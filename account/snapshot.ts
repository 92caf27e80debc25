/** Reads everything an account's IAM holds into one snapshot, the generators' only input. */
import { type CloudflareClient, isApiError } from "../provider/client";
import { inert, quote } from "../provider/framework/quote";
import { oauthClientsApi } from "../provider/resources/oauth-client/api";
import { canonicalScopes, toOutputs as oauthOutputs } from "../provider/resources/oauth-client/schema";
import { resourceGroupsApi } from "../provider/resources/resource-group/api";
import { toOutputs as resourceGroupOutputs, type Scope } from "../provider/resources/resource-group/schema";
import { ssoApi } from "../provider/resources/sso-connector/api";
import { toOutputs as ssoOutputs } from "../provider/resources/sso-connector/schema";
import { scimManagedGroupIds, userGroupsApi } from "../provider/resources/user-group/api";
import { toOutputs as userGroupOutputs } from "../provider/resources/user-group/schema";
import { membersApi } from "../provider/resources/user-group-members/api";
import { type AccountMember, allAccountMembersWithGrants } from "./account-members";
import { allPermissionGroups, type PermissionGroup } from "./permission-groups";
import { allLegacyRoles, type LegacyRole } from "./roles";

export interface SnapshotPolicy {
  access: string;
  permissionGroups: string[];
  resourceGroups: string[];
  /** fact 24: scopes written into the policy instead of a resource group. */
  scopes: Scope[];
}

export interface SnapshotUserGroup {
  id: string;
  name: string;
  policies: SnapshotPolicy[];
  memberIds: string[];
  /** fact 39: an identity provider owns its name and members. */
  scimManaged: boolean;
}

/**
 * A legacy account role (`GET /accounts/{id}/roles`, deprecated but served, fact 78): what a
 * member holding it may do. `permissions` is keyed by resource type with read and edit flags.
 */
export type SnapshotRole = LegacyRole;

/** An account member with the access granted to it directly, outside any user group. */
export interface SnapshotMember extends AccountMember {
  /** The ids of the legacy roles it holds (fact 73). */
  roles: string[];
  /** Its own policies (fact 61); the API mirrors roles and policies into each other (fact 62). */
  policies: SnapshotPolicy[];
}

/** An object the generated code leaves out, and why. */
export interface Skipped {
  kind: string;
  id: string;
  name: string;
  reason: string;
}

export interface AccountSnapshot {
  accountId: string;
  permissionGroups: PermissionGroup[];
  members: SnapshotMember[];
  /** The account's legacy roles, to name and weigh what members hold through them. */
  roles: SnapshotRole[];
  /** Every resource group; `system` marks Cloudflare's predefined ones (fact 9), which generated code leaves out. */
  resourceGroups: { id: string; name: string; scope: { key: string; objects: string[] }; system: boolean }[];
  userGroups: SnapshotUserGroup[];
  ssoConnectors: { id: string; emailDomain: string; enabled: boolean; useFedrampLanguage: boolean; verificationCode: string; verificationStatus: string }[];
  /** Each client's OAuthClient arguments (server-managed scopes left out). */
  oauthClients: { id: string; args: Record<string, unknown> }[];
  skipped: Skipped[];
  /** Why SCIM management could not be told, when it could not (then no group is marked). */
  scimUnknown?: string;
  /** Why the roles could not be read, when they could not (then `roles` is empty; members keep their role ids). */
  rolesUnknown?: string;
}

/** fact 39: which groups SCIM manages, or why that cannot be told (a token without SCIM access). */
async function scimManagement(client: CloudflareClient, accountId: string): Promise<{ managed: Set<string>; unknown?: string }> {
  try {
    return { managed: await scimManagedGroupIds(client, accountId) };
  } catch (error) {
    return { managed: new Set(), unknown: (error as Error).message };
  }
}

/**
 * The legacy roles, or why they cannot be read: a token without Account Settings Read is
 * refused (403, fact 76), and the deprecated API may be removed (404, fact 78). The reason is
 * ours, never the server's text.
 */
async function legacyRoles(client: CloudflareClient, accountId: string): Promise<{ roles: SnapshotRole[]; unknown?: string }> {
  try {
    return { roles: await allLegacyRoles(client, accountId) };
  } catch (error) {
    if (isApiError(error, { status: 403 })) return { roles: [], unknown: "the API token may not read the account's roles (403)" };
    if (isApiError(error, { status: 404 })) return { roles: [], unknown: "the account's roles API is gone (404): Cloudflare deprecated it" };
    throw error;
  }
}

export async function readAccount(client: CloudflareClient, accountId: string): Promise<AccountSnapshot> {
  const [permissionGroups, members, roles, resourceGroups, userGroups, ssoConnectors, oauthClients, scim] = await Promise.all([
    allPermissionGroups(client, accountId),
    allAccountMembersWithGrants(client, accountId),
    legacyRoles(client, accountId),
    resourceGroupsApi.list(client, accountId),
    userGroupsApi.list(client, accountId),
    ssoApi.list(client, accountId),
    oauthClientsApi.list(client, accountId),
    scimManagement(client, accountId),
  ]);
  const memberIds = await Promise.all(userGroups.map((g) => membersApi.list(client, accountId, g.id)));
  const groups = resourceGroups.map((api) => ({ api, outputs: resourceGroupOutputs(accountId, api) }));
  return {
    accountId,
    permissionGroups,
    members,
    roles: roles.roles,
    resourceGroups: groups.map(({ api, outputs: { name, scope, system } }) => ({
      id: api.id,
      name,
      scope: { key: scope.key, objects: scope.objects.map((o) => o.key) },
      system,
    })),
    userGroups: userGroups.map((api, i) => {
      const { name, policies } = userGroupOutputs(accountId, api);
      return {
        id: api.id,
        name,
        policies: policies.map(({ access, permissionGroups, resourceGroups, scopes }) => ({ access, permissionGroups, resourceGroups, scopes })),
        memberIds: memberIds[i].map((m) => m.id).sort(),
        scimManaged: scim.managed.has(api.id),
      };
    }),
    ssoConnectors: ssoConnectors.map((api) => {
      const { emailDomain, enabled, useFedrampLanguage, verificationCode, verificationStatus } = ssoOutputs(accountId, true, api);
      return { id: api.id, emailDomain, enabled, useFedrampLanguage, verificationCode, verificationStatus };
    }),
    oauthClients: oauthClients.map((api) => {
      const outputs = oauthOutputs(accountId, api, { clientSecret: "", secretVersion: 0, deleteRotatedSecret: false });
      const { clientName, grantTypes, redirectUris, responseTypes, tokenEndpointAuthMethod, visibility } = outputs;
      const optional = Object.fromEntries(
        (["allowedCorsOrigins", "postLogoutRedirectUris", "optionalScopes", "clientUri", "logoUri", "policyUri", "tosUri"] as const)
          .map((key) => [key, outputs[key]])
          .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
      );
      const args = { clientName, grantTypes, redirectUris, responseTypes, scopes: canonicalScopes(outputs.scopes), tokenEndpointAuthMethod, ...optional, visibility };
      return { id: api.client_id, args };
    }),
    // fact 9: Cloudflare's predefined groups cannot be managed; policies still reference them by id.
    skipped: groups
      .filter((g) => g.outputs.system)
      .map(({ api, outputs }) => ({
        kind: "resource group",
        id: api.id,
        name: outputs.name,
        reason: "a predefined system resource group: Cloudflare's own, not editable; policies refer to it by id",
      })),
    scimUnknown: scim.unknown,
    rolesUnknown: roles.unknown,
  };
}

/** The lines the CLI prints about what the generated code leaves out or cannot tell. */
export function snapshotNotes(snapshot: AccountSnapshot): string[] {
  // Names, ids and the server's message are the account's: one line each, inert in a comment or a terminal.
  return [
    ...snapshot.skipped.map((s) => `skipped ${s.kind} ${quote(s.name)} (${inert(s.id)}): ${s.reason}`),
    ...snapshot.userGroups
      .filter((g) => g.scimManaged)
      .map((g) => `user group ${quote(g.name)} (${inert(g.id)}) is managed by SCIM: its name and members stay with the identity provider`),
    ...(snapshot.scimUnknown ? [`could not tell which user groups SCIM manages: ${inert(snapshot.scimUnknown)}`] : []),
    ...(snapshot.rolesUnknown ? [`could not read the account's roles: ${snapshot.rolesUnknown}; members' role ids are kept, their names unknown`] : []),
  ];
}
