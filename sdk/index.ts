/** pulumi-cloudflare-iam: Cloudflare account IAM as Pulumi resources. */
export { ResourceGroup, ResourceGroupArgs, ResourceGroupScope } from "./resource-group";
export { UserGroup, UserGroupArgs, UserGroupPolicy, UserGroupPolicyArgs } from "./user-group";
export { UserGroupMembers, UserGroupMembersArgs } from "./user-group-members";
export { UserGroupMember, UserGroupMemberArgs } from "./user-group-member";
export { SSOConnector, SSOConnectorArgs } from "./sso-connector";
export { OAuthClient, OAuthClientArgs } from "./oauth-client";
export {
  getPermissionGroups,
  getPermissionGroupsOutput,
  getPermissionGroup,
  getPermissionGroupOutput,
  GetPermissionGroupsArgs,
  GetPermissionGroupsResult,
  GetPermissionGroupArgs,
  PermissionGroup,
} from "./get-permission-groups";
export { getOAuthScopes, getOAuthScopesOutput, GetOAuthScopesResult, OAuthScope } from "./get-oauth-scopes";
