/** pulumi-cloudflare-iam: Cloudflare account IAM as Pulumi resources. */

export type { AccessPolicyArgs } from "./access-policy/component";
export { AccessPolicy } from "./access-policy/component";
export type { AccessSpecInput } from "./access-policy/spec";
export type { AccountMemberArgs } from "./account-member";
export { AccountMember } from "./account-member";
export { getAccountMembers, getAccountMembersOutput } from "./get-account-members";
export type { GetOAuthScopesResult, OAuthScope } from "./get-oauth-scopes";
export { getOAuthScopes, getOAuthScopesOutput } from "./get-oauth-scopes";
export type { GetPermissionGroupArgs, GetPermissionGroupsArgs, GetPermissionGroupsResult, PermissionGroup } from "./get-permission-groups";
export { getPermissionGroup, getPermissionGroupOutput, getPermissionGroups, getPermissionGroupsOutput } from "./get-permission-groups";
export type { OAuthClientArgs } from "./oauth-client";
export { OAuthClient } from "./oauth-client";
export type { ResourceGroupArgs, ResourceGroupScope } from "./resource-group";
export { ResourceGroup } from "./resource-group";
export type { SSOConnectorArgs } from "./sso-connector";
export { SSOConnector } from "./sso-connector";
export type { UserGroupArgs, UserGroupPolicy, UserGroupPolicyArgs } from "./user-group";
export { UserGroup } from "./user-group";
export type { UserGroupMemberArgs } from "./user-group-member";
export { UserGroupMember } from "./user-group-member";
export type { UserGroupMembersArgs } from "./user-group-members";
export { UserGroupMembers } from "./user-group-members";
