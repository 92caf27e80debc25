import type * as pulumi from "@pulumi/pulumi";
import type { MemberOutputs } from "../provider/resources/user-group-member/provider";
import { type DeclaredOutputs, IamResource, type OutputNames } from "./resource";

export interface UserGroupMemberArgs {
  accountId?: pulumi.Input<string>;
  userGroupId: pulumi.Input<string>;
  memberId: pulumi.Input<string>;
}

/**
 * One membership, additive: for teams that share a group, each adding its own people. Other
 * members are left alone. Do not combine with UserGroupMembers on the same group.
 */
export class UserGroupMember extends IamResource implements DeclaredOutputs<MemberOutputs> {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly userGroupId: pulumi.Output<string>;
  declare readonly memberId: pulumi.Output<string>;
  declare readonly email: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;

  static readonly outputNames: OutputNames<MemberOutputs> = { accountId: true, userGroupId: true, memberId: true, email: true, status: true };

  constructor(name: string, args: UserGroupMemberArgs, opts?: pulumi.CustomResourceOptions) {
    super("userGroupMember", name, args, UserGroupMember.outputNames, opts);
  }
}
