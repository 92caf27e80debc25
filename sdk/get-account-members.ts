import * as pulumi from "@pulumi/pulumi";
import { type AccountMember, allAccountMembers } from "../account/account-members";
import { cleanly } from "./errors";
import { programClient, requireAccountId } from "./settings";

/** The account's members (id, email, status): the ids UserGroupMembers takes. */
export function getAccountMembers(args: { accountId?: string } = {}): Promise<{ members: AccountMember[] }> {
  return cleanly(async () => {
    const accountId = requireAccountId(args.accountId);
    return { members: await allAccountMembers(programClient(), accountId) };
  });
}

export function getAccountMembersOutput(args: { accountId?: pulumi.Input<string> } = {}): pulumi.Output<{ members: AccountMember[] }> {
  return pulumi.output(args).apply((plain) => getAccountMembers(plain));
}
