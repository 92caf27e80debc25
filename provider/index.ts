/**
 * What the serialized provider shims load at run time (`require("pulumi-cloudflare-iam/provider")`):
 * one dynamic provider per resource type, and the hook that hands them the stack config.
 * The kinds are listed in resources/kinds.ts, a contract with every state file ever written.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { accountMemberProvider } from "./resources/account-member/provider";
import type { ProviderKind } from "./resources/kinds";
import { oauthClientProvider } from "./resources/oauth-client/provider";
import { resourceGroupProvider } from "./resources/resource-group/provider";
import { ssoConnectorProvider } from "./resources/sso-connector/provider";
import { userGroupProvider } from "./resources/user-group/provider";
import { userGroupMemberProvider } from "./resources/user-group-member/provider";
import { userGroupMembersProvider } from "./resources/user-group-members/provider";

export type { ProviderKind } from "./resources/kinds";
export { configure } from "./runtime";

export const providers: Record<ProviderKind, dynamic.ResourceProvider> = {
  resourceGroup: resourceGroupProvider,
  userGroup: userGroupProvider,
  userGroupMembers: userGroupMembersProvider,
  userGroupMember: userGroupMemberProvider,
  ssoConnector: ssoConnectorProvider,
  oauthClient: oauthClientProvider,
  accountMember: accountMemberProvider,
};
