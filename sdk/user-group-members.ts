import type * as pulumi from "@pulumi/pulumi";
import type { MembersOutputs } from "../provider/resources/user-group-members/schema";
import { type DeclaredOutputs, IamResource, type OutputNames } from "./resource";

export interface UserGroupMembersArgs {
  accountId?: pulumi.Input<string>;
  /** Changing it replaces the resource. */
  userGroupId: pulumi.Input<string>;
  /** Account member ids; compared as a set. Duplicates are an error. */
  memberIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Take over the group's current membership: set it to `userGroupId`; no write when it already matches. */
  adoptId?: pulumi.Input<string>;
}

/**
 * Authoritative membership: the group holds exactly `memberIds`, and members added elsewhere are
 * removed on the next `up`. Deleting it empties the group. Do not combine with UserGroupMember
 * on the same group: each would undo the other.
 */
export class UserGroupMembers extends IamResource implements DeclaredOutputs<MembersOutputs> {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly userGroupId: pulumi.Output<string>;
  declare readonly memberIds: pulumi.Output<string[]>;
  declare readonly members: pulumi.Output<{ id: string; email: string; status: string }[]>;

  static readonly outputNames: OutputNames<MembersOutputs> = { accountId: true, userGroupId: true, memberIds: true, members: true };

  constructor(name: string, args: UserGroupMembersArgs, opts?: pulumi.CustomResourceOptions) {
    super("userGroupMembers", name, args, UserGroupMembers.outputNames, opts);
  }
}
