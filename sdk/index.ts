/** pulumi-cloudflare-iam: Cloudflare account IAM as Pulumi resources. */
export { ResourceGroup } from "./resource-group";
export type { ResourceGroupArgs, ResourceGroupScope } from "./resource-group";
export { UserGroup } from "./user-group";
export type { UserGroupArgs, UserGroupPolicy, UserGroupPolicyArgs } from "./user-group";
export { UserGroupMembers } from "./user-group-members";
export type { UserGroupMembersArgs } from "./user-group-members";
export { UserGroupMember } from "./user-group-member";
export type { UserGroupMemberArgs } from "./user-group-member";
export { SSOConnector } from "./sso-connector";
export type { SSOConnectorArgs } from "./sso-connector";
export { OAuthClient } from "./oauth-client";
export type { OAuthClientArgs } from "./oauth-client";
export { getPermissionGroups, getPermissionGroupsOutput, getPermissionGroup, getPermissionGroupOutput } from "./get-permission-groups";
export type { GetPermissionGroupsArgs, GetPermissionGroupsResult, GetPermissionGroupArgs, PermissionGroup } from "./get-permission-groups";
export { getOAuthScopes, getOAuthScopesOutput } from "./get-oauth-scopes";
export type { GetOAuthScopesResult, OAuthScope } from "./get-oauth-scopes";
