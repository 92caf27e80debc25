/** Reads everything an account's IAM holds into one snapshot, the generators' only input. */
import { CloudflareClient } from "../provider/client";
import { AccountMember, allAccountMembers } from "../provider/data-sources/account-members";
import { allPermissionGroups, PermissionGroup } from "../provider/data-sources/permission-groups";
import { oauthClientsApi } from "../provider/resources/oauth-client/api";
import { canonicalScopes, toOutputs as oauthOutputs } from "../provider/resources/oauth-client/schema";
import { resourceGroupsApi } from "../provider/resources/resource-group/api";
import { toOutputs as resourceGroupOutputs } from "../provider/resources/resource-group/schema";
import { ssoApi } from "../provider/resources/sso-connector/api";
import { toOutputs as ssoOutputs } from "../provider/resources/sso-connector/schema";
import { membersApi } from "../provider/resources/user-group-members/api";
import { userGroupsApi } from "../provider/resources/user-group/api";
import { toOutputs as userGroupOutputs } from "../provider/resources/user-group/schema";

export interface AccountSnapshot {
  accountId: string;
  permissionGroups: PermissionGroup[];
  members: AccountMember[];
  resourceGroups: { id: string; name: string; scope: { key: string; objects: string[] } }[];
  userGroups: { id: string; name: string; policies: { access: string; permissionGroups: string[]; resourceGroups: string[] }[]; memberIds: string[] }[];
  ssoConnectors: { id: string; emailDomain: string; enabled: boolean; useFedrampLanguage: boolean }[];
  /** Each client's OAuthClient arguments (server-managed scopes left out). */
  oauthClients: { id: string; args: Record<string, unknown> }[];
}

export async function readAccount(client: CloudflareClient, accountId: string): Promise<AccountSnapshot> {
  const [permissionGroups, members, resourceGroups, userGroups, ssoConnectors, oauthClients] = await Promise.all([
    allPermissionGroups(client, accountId),
    allAccountMembers(client, accountId),
    resourceGroupsApi.list(client, accountId),
    userGroupsApi.list(client, accountId),
    ssoApi.list(client, accountId),
    oauthClientsApi.list(client, accountId),
  ]);
  const memberIds = await Promise.all(userGroups.map((g) => membersApi.list(client, accountId, g.id)));
  return {
    accountId,
    permissionGroups,
    members,
    resourceGroups: resourceGroups.map((api) => {
      const { name, scope } = resourceGroupOutputs(accountId, api);
      return { id: api.id, name, scope: { key: scope.key, objects: scope.objects.map((o) => o.key) } };
    }),
    userGroups: userGroups.map((api, i) => {
      const { name, policies } = userGroupOutputs(accountId, api);
      return {
        id: api.id,
        name,
        policies: policies.map(({ access, permissionGroups, resourceGroups }) => ({ access, permissionGroups, resourceGroups })),
        memberIds: memberIds[i].map((m) => m.id).sort(),
      };
    }),
    ssoConnectors: ssoConnectors.map((api) => {
      const { emailDomain, enabled, useFedrampLanguage } = ssoOutputs(accountId, true, api);
      return { id: api.id, emailDomain, enabled, useFedrampLanguage };
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
  };
}
