import * as pulumi from "@pulumi/pulumi";
import { IamResource } from "./resource";

export interface UserGroupPolicyArgs {
  access: pulumi.Input<"allow" | "deny">;
  /** Permission group ids, compared as a set. See getPermissionGroup to look one up by name. */
  permissionGroups: pulumi.Input<pulumi.Input<string>[]>;
  /** Resource group ids, compared as a set. */
  resourceGroups: pulumi.Input<pulumi.Input<string>[]>;
}

export interface UserGroupPolicy {
  /** The server's id; kept across updates that leave this policy unchanged. */
  id: string;
  access: "allow" | "deny";
  permissionGroups: string[];
  resourceGroups: string[];
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
export class UserGroup extends IamResource {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly policies: pulumi.Output<UserGroupPolicy[]>;
  declare readonly createdOn: pulumi.Output<string>;
  declare readonly modifiedOn: pulumi.Output<string>;

  constructor(name: string, args: UserGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super("userGroup", "UserGroup", name, args, ["name", "policies", "createdOn", "modifiedOn"], opts);
  }

  static get(name: string, id: pulumi.Input<string>, accountId?: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): UserGroup {
    return new UserGroup(name, { accountId } as UserGroupArgs, { ...opts, id });
  }
}
