import type * as pulumi from "@pulumi/pulumi";
import type { AccountMemberOutputs } from "../provider/resources/account-member/schema";
import { IamResource, type OutputNames } from "./resource";
import type { UserGroupPolicy, UserGroupPolicyArgs } from "./user-group";

export interface AccountMemberArgs {
  accountId?: pulumi.Input<string>;
  /** Compared without case; a new address is a new membership (a replacement). */
  email: pulumi.Input<string>;
  /** Direct policies, compared as a set, as a user group's. At most one of `policies` and `roles`; with neither, direct grants are left alone. */
  policies?: pulumi.Input<pulumi.Input<UserGroupPolicyArgs>[]>;
  /** Legacy roles (deprecated by Cloudflare), by id or by name. */
  roles?: pulumi.Input<pulumi.Input<string>[]>;
  /** Take over this membership id instead of inviting (an output that may turn out absent: then it invites). */
  adoptId?: pulumi.Input<string | undefined>;
  /** Take over the membership this address already has, instead of failing. */
  adoptExisting?: boolean;
  /** Delete even the last Super Administrator (or `all_privileges` holder). */
  allowRemovingLastSuperAdministrator?: boolean;
}

/**
 * A person's membership of the account: an invite (pending until they accept) and what they are
 * granted directly. Its `id` is the membership id user groups hold. docs/account-members.md.
 */
export class AccountMember extends IamResource {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly email: pulumi.Output<string>;
  declare readonly policies: pulumi.Output<UserGroupPolicy[]>;
  declare readonly roles: pulumi.Output<string[]>;
  declare readonly userId: pulumi.Output<string | null>;
  declare readonly status: pulumi.Output<string>;
  declare readonly grants: pulumi.Output<"roles" | "policies" | "none">;
  declare readonly allowRemovingLastSuperAdministrator: pulumi.Output<boolean>;

  static readonly outputNames: OutputNames<AccountMemberOutputs> = {
    accountId: true,
    email: true,
    policies: true,
    roles: true,
    userId: true,
    status: true,
    grants: true,
    allowRemovingLastSuperAdministrator: true,
  };

  constructor(name: string, args: AccountMemberArgs, opts?: pulumi.CustomResourceOptions) {
    super("accountMember", name, args, AccountMember.outputNames, opts);
  }
}
