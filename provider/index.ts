/**
 * What the serialized provider shims load at run time (`require("pulumi-cloudflare-iam/provider")`):
 * one dynamic provider per resource type, and the hook that hands them the stack config.
 * These names are a contract with every state file ever written: add, never rename.
 */
import { oauthClientProvider } from "./resources/oauth-client/provider";
import { resourceGroupProvider } from "./resources/resource-group/provider";
import { ssoConnectorProvider } from "./resources/sso-connector/provider";
import { userGroupMemberProvider } from "./resources/user-group-member/provider";
import { userGroupMembersProvider } from "./resources/user-group-members/provider";
import { userGroupProvider } from "./resources/user-group/provider";

export { configure } from "./runtime";

export const providers = {
  resourceGroup: resourceGroupProvider,
  userGroup: userGroupProvider,
  userGroupMembers: userGroupMembersProvider,
  userGroupMember: userGroupMemberProvider,
  ssoConnector: ssoConnectorProvider,
  oauthClient: oauthClientProvider,
};

export type ProviderKind = keyof typeof providers;
