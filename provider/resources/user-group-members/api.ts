import { z } from "zod";
import { apiPath, CloudflareClient, list, listAllPages, NotFoundError, PAGE_SIZE } from "../../client";
import { isKnownError } from "../api-errors";
import { userGroupsApi } from "../user-group/api";
import { apiMember } from "./schema";

const members = (accountId: string, groupId: string) => apiPath`/accounts/${accountId}/iam/user_groups/${groupId}/members`;
const member = (accountId: string, groupId: string, memberId: string) =>
  apiPath`/accounts/${accountId}/iam/user_groups/${groupId}/members/${memberId}`;
/** fact 30: the body is a bare array of `{id}`, and the answer the group's whole member list. */
const asBody = (ids: string[]) => ids.map((id) => ({ id }));
const memberList = list(apiMember);

/** The user group itself does not exist: what a read reports as gone and a delete as done. */
export class UserGroupGone extends NotFoundError {}

/** fact 37: how long a just-created group's `/members` may answer 404 before the group is visible there. */
export const MEMBERS_VISIBLE_WITHIN_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a call on a group's `/members`. A just-created group answers 404 there for a short
 * while (fact 37), so a 404 for the group is checked with a GET of the group itself: a group
 * that exists is waited for, with backoff, for up to a minute; only a group the GET cannot find
 * either is gone (UserGroupGone).
 */
export async function onMembers<T>(client: CloudflareClient, accountId: string, groupId: string, call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + MEMBERS_VISIBLE_WITHIN_MS;
  let groupExists = false;
  for (let delay = 500; ; delay = Math.min(delay * 2, 8_000)) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof NotFoundError) || isKnownError("UserGroupMemberNotFound", error)) throw error;
      if (!groupExists) {
        groupExists = await userGroupsApi.get(client, accountId, groupId).then(
          () => true,
          (lookup) => {
            if (lookup instanceof NotFoundError) return false;
            throw lookup;
          },
        );
        if (!groupExists) throw new UserGroupGone(error.status, error.errors, error);
      }
      if (Date.now() + delay > deadline) {
        throw new Error(`user group ${groupId} exists, but its members still answered 404 after ${MEMBERS_VISIBLE_WITHIN_MS / 1000} s: ${error.message}`);
      }
      await sleep(delay);
    }
  }
}

export const membersApi = {
  list: (client: CloudflareClient, accountId: string, groupId: string) =>
    onMembers(client, accountId, groupId, () => listAllPages(client, members(accountId, groupId), apiMember, PAGE_SIZE.userGroupMembers)),
  get: (client: CloudflareClient, accountId: string, groupId: string, memberId: string) =>
    onMembers(client, accountId, groupId, () => client.get(member(accountId, groupId, memberId), apiMember)),
  /** PUT replaces the whole set, `[]` included (fact 36): repeating it is harmless. */
  replace: (client: CloudflareClient, accountId: string, groupId: string, ids: string[]) =>
    onMembers(client, accountId, groupId, () => client.put(members(accountId, groupId), asBody(ids), memberList)),
  /** fact 31: adding a member who is already there changes nothing, so this POST may be retried. */
  add: (client: CloudflareClient, accountId: string, groupId: string, ids: string[]) =>
    onMembers(client, accountId, groupId, () => client.post(members(accountId, groupId), asBody(ids), memberList, true)),
  remove: (client: CloudflareClient, accountId: string, groupId: string, memberId: string) =>
    onMembers(client, accountId, groupId, () => client.delete(member(accountId, groupId, memberId), z.unknown())),
};
