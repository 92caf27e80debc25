import * as pulumi from "@pulumi/pulumi";
import { allPermissionGroups, filterPermissionGroups, type PermissionGroup, type PermissionGroupFilters, singlePermissionGroup } from "../account/permission-groups";
import { cleanly } from "./errors";
import { programClient, requireAccountId } from "./settings";

export type { PermissionGroup };

export interface GetPermissionGroupsArgs extends PermissionGroupFilters {
  accountId?: string;
}

export interface GetPermissionGroupsResult {
  accountId: string;
  permissionGroups: PermissionGroup[];
}

async function groupsOf(accountId: string | undefined): Promise<{ accountId: string; groups: PermissionGroup[] }> {
  const account = requireAccountId(accountId);
  return { accountId: account, groups: await allPermissionGroups(programClient(), account) };
}

/** Every permission group matching the optional `id`, `label` and `name` filters, across all pages. */
export function getPermissionGroups(args: GetPermissionGroupsArgs = {}): Promise<GetPermissionGroupsResult> {
  return cleanly(async () => {
    const { accountId, groups } = await groupsOf(args.accountId);
    return { accountId, permissionGroups: filterPermissionGroups(groups, args) };
  });
}

export function getPermissionGroupsOutput(args: pulumi.Inputs & { [K in keyof GetPermissionGroupsArgs]?: pulumi.Input<GetPermissionGroupsArgs[K]> } = {}) {
  return pulumi.output(args).apply((plain) => getPermissionGroups(plain as GetPermissionGroupsArgs));
}

export interface GetPermissionGroupArgs {
  accountId?: string;
  name?: string;
  id?: string;
}

/** Exactly one permission group, by `name` or `id`; zero or several matches fail with the reason. */
export function getPermissionGroup(args: GetPermissionGroupArgs): Promise<PermissionGroup> {
  return cleanly(async () => singlePermissionGroup((await groupsOf(args.accountId)).groups, { name: args.name, id: args.id }));
}

export function getPermissionGroupOutput(args: { [K in keyof GetPermissionGroupArgs]?: pulumi.Input<GetPermissionGroupArgs[K]> }) {
  return pulumi.output(args).apply((plain) => getPermissionGroup(plain as GetPermissionGroupArgs));
}
