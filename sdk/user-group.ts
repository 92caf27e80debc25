import type * as pulumi from "@pulumi/pulumi";
import type { UserGroupOutputs } from "../provider/resources/user-group/schema";
import { type DeclaredOutputs, IamResource, type OutputNames } from "./resource";
import type { ResourceGroupScope } from "./resource-group";

export interface UserGroupPolicyArgs {
  /** Cloudflare currently refuses `deny`; it is accepted here in case that changes. */
  access: pulumi.Input<"allow" | "deny">;
  /** Permission group ids, compared as a set. See getPermissionGroup to look one up by name. */
  permissionGroups: pulumi.Input<pulumi.Input<string>[]>;
  /** Resource group ids, compared as a set. A policy needs a resource group or a scope. */
  resourceGroups?: pulumi.Input<pulumi.Input<string>[]>;
  /** Scopes written into the policy instead of a resource group; `key` defaults to the account. */
  scopes?: pulumi.Input<pulumi.Input<ResourceGroupScope>[]>;
}

export interface UserGroupPolicy {
  /** The server's id. Cloudflare gives every policy a new id whenever the policies change. */
  id: string;
  access: "allow" | "deny";
  permissionGroups: string[];
  resourceGroups: string[];
  scopes: { key: string; objects: { key: string }[] }[];
}

export interface UserGroupArgs {
  accountId?: pulumi.Input<string>;
  name: pulumi.Input<string>;
  /** Compared as a set: order, and the order of the ids inside, never shows as a change. */
  policies?: pulumi.Input<pulumi.Input<UserGroupPolicyArgs>[]>;
  /** Take over this existing user group instead of creating one. */
  adoptId?: pulumi.Input<string>;
}

/** A group of account members and the policies that grant them access. Members: UserGroupMembers. */
export class UserGroup extends IamResource implements DeclaredOutputs<UserGroupOutputs> {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly policies: pulumi.Output<UserGroupPolicy[]>;
  declare readonly createdOn: pulumi.Output<string>;
  declare readonly modifiedOn: pulumi.Output<string>;

  static readonly outputNames: OutputNames<UserGroupOutputs> = { accountId: true, name: true, policies: true, createdOn: true, modifiedOn: true };

  constructor(name: string, args: UserGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super("userGroup", name, args, UserGroup.outputNames, opts);
  }

  static get(name: string, id: pulumi.Input<string>, accountId?: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): UserGroup {
    return new UserGroup(name, { accountId } as UserGroupArgs, { ...opts, id });
  }
}
