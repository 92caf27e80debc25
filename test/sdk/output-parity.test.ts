/**
 * Every output the provider writes is an output of the SDK class: declared (checked by tsc
 * here) and made an Output by its placeholder (checked under Pulumi mocks), so `group.system` exists.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountMemberOutputs } from "../../provider/resources/account-member/schema";
import type { OAuthClientOutputs } from "../../provider/resources/oauth-client/schema";
import type { ResourceGroupOutputs } from "../../provider/resources/resource-group/schema";
import type { SSOConnectorOutputs } from "../../provider/resources/sso-connector/schema";
import type { UserGroupOutputs } from "../../provider/resources/user-group/schema";
import type { MemberOutputs } from "../../provider/resources/user-group-member/provider";
import type { MembersOutputs } from "../../provider/resources/user-group-members/schema";
import { AccountMember, OAuthClient, ResourceGroup, SSOConnector, UserGroup, UserGroupMember, UserGroupMembers } from "../../sdk";

/** `true` when the class declares every output; otherwise the names it misses, which `true` cannot be assigned to. */
type Declares<Class, Outputs> = [Exclude<keyof Outputs | "stateVersion", keyof Class>] extends [never] ? true : Exclude<keyof Outputs, keyof Class>;

const declared: Record<string, true> = {
  ResourceGroup: true satisfies Declares<ResourceGroup, ResourceGroupOutputs>,
  UserGroup: true satisfies Declares<UserGroup, UserGroupOutputs>,
  UserGroupMembers: true satisfies Declares<UserGroupMembers, MembersOutputs>,
  UserGroupMember: true satisfies Declares<UserGroupMember, MemberOutputs>,
  SSOConnector: true satisfies Declares<SSOConnector, SSOConnectorOutputs>,
  OAuthClient: true satisfies Declares<OAuthClient, OAuthClientOutputs>,
  AccountMember: true satisfies Declares<AccountMember, AccountMemberOutputs>,
};

beforeAll(() =>
  pulumi.runtime.setMocks(
    {
      newResource: ({ name, inputs }) => ({ id: `${name}-id`, state: inputs }),
      call: ({ inputs }) => inputs,
    },
    "output-parity",
    "test",
    true,
  ),
);

const classes = [ResourceGroup, UserGroup, UserGroupMembers, UserGroupMember, SSOConnector, OAuthClient, AccountMember];

it.each(classes.map((cls) => [cls.name, cls] as const))("%s declares and registers every output the provider writes", async (_name, cls) => {
  expect(declared[cls.name]).toBe(true);
  const resource = new (cls as new (name: string, args: object) => pulumi.CustomResource)(`parity-${cls.name}`, { accountId: "a".repeat(32) });
  const outputs = resource as unknown as Record<string, unknown>;
  const missing = [...Object.keys(cls.outputNames), "stateVersion"].filter((key) => !pulumi.Output.isInstance(outputs[key]));
  expect(missing).toEqual([]);
  await new Promise((registered) => resource.urn.apply(registered));
});
