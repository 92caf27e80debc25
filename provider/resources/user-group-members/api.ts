import { z } from "zod";
import { apiPath, type CloudflareClient, list, listAllPages, NotFoundError, PAGE_SIZE } from "../../client";
import { isKnownError } from "../api-errors";
import { userGroupsApi } from "../user-group/api";
import { AGE_STEPS_MS, createdAt, learnInvisibleAge, nextTryAt } from "./propagation";
import { apiMember } from "./schema";

const members = (accountId: string, groupId: string) => apiPath`/accounts/${accountId}/iam/user_groups/${groupId}/members`;
const member = (accountId: string, groupId: string, memberId: string) => apiPath`/accounts/${accountId}/iam/user_groups/${groupId}/members/${memberId}`;
/** fact 30: the body is a bare array of `{id}`, and the answer the group's whole member list. */
const asBody = (ids: string[]) => ids.map((id) => ({ id }));
const memberList = list(apiMember);

/** The user group itself does not exist: what a read reports as gone and a delete as done. */
export class UserGroupGone extends NotFoundError {}

/** fact 37: how long a just-created group's `/members` may answer 404 before the group is visible there. */
export const MEMBERS_VISIBLE_WITHIN_MS = AGE_STEPS_MS[AGE_STEPS_MS.length - 1];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Timers may fire a millisecond early by the wall clock; an age step must not be tried before it is reached. */
async function sleepUntil(time: number): Promise<void> {
  while (Date.now() < time) await sleep(time - Date.now());
}

/** Whether the user group itself exists: what tells a group that is gone from one still propagating. */
const groupExists = (client: CloudflareClient, accountId: string, groupId: string): Promise<boolean> =>
  userGroupsApi.get(client, accountId, groupId).then(
    () => true,
    (lookup) => {
      if (lookup instanceof NotFoundError) return false;
      throw lookup;
    },
  );

const isGroupNotFound = (error: unknown): error is NotFoundError => error instanceof NotFoundError && !isKnownError("UserGroupMemberNotFound", error);

/**
 * Runs a call on a group's `/members`. A just-created group answers 404 there for a short
 * while (fact 37). A group this process created a moment ago exists, so it is waited for on the
 * schedule of its age (./propagation) without asking; any other group's 404 is checked with a
 * GET of the group itself, and a group that exists is waited for with backoff. Either way the
 * wait ends after a minute, and only a group the GET cannot find is gone (UserGroupGone).
 */
export async function onMembers<T>(client: CloudflareClient, accountId: string, groupId: string, call: () => Promise<T>): Promise<T> {
  const made = createdAt(groupId);
  const deadline = (made ?? Date.now()) + MEMBERS_VISIBLE_WITHIN_MS;
  const gone = (error: NotFoundError) => new UserGroupGone(error.status, error.errors, error);
  let checked = made !== undefined;
  let invisibleAge = -1;
  let backoff = 500;
  if (made !== undefined) await sleepUntil(nextTryAt(made, invisibleAge));
  for (;;) {
    try {
      const result = await call();
      if (made !== undefined && invisibleAge >= 0) learnInvisibleAge(invisibleAge);
      return result;
    } catch (error) {
      if (!isGroupNotFound(error)) throw error;
      const now = Date.now();
      if (!checked) {
        if (!(await groupExists(client, accountId, groupId))) throw gone(error);
        checked = true;
      }
      let next = now + backoff;
      if (made !== undefined) {
        invisibleAge = now - made;
        next = nextTryAt(made, invisibleAge);
      } else backoff = Math.min(backoff * 2, 8_000);
      if (next > deadline) {
        if (made !== undefined && !(await groupExists(client, accountId, groupId))) throw gone(error);
        throw new Error(`user group ${groupId} exists, but its members still answered 404 after ${MEMBERS_VISIBLE_WITHIN_MS / 1000} s: ${error.message}`);
      }
      await sleepUntil(next);
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
