import { z } from "zod";
import { ApiFailure, ErrorCodes, invalid, notFound } from "../api-error";
import { now } from "../ids";
import { findMember } from "../roster";
import { type EmulatorSettings, paginate, parseBody, type Router, sortBy } from "../router";
import type { Store, UserGroupRecord } from "../store";
import { findUserGroup, refuseIfScim } from "./user-groups";

/** fact 30: the body is a bare array of `{id}`. */
const bodySchema = z.array(z.object({ id: z.string().min(1, "must not be empty") }));

/** Whether a pending invite may join a user group (fact 81). */
export type PendingGroupMembers = "accepted" | "refused";

/** fact 33: an id that is not (or no longer) an account member: 400, code 400 (InvalidMember). */
function checkAccountMember(store: Store, id: string, pointer?: string): void {
  if (!findMember(store, id)) throw invalid(`Invalid member: ${id} is not a member of this account`, pointer, ErrorCodes.badRequest);
}

/**
 * fact 81: no source says whether a pending invite can join a group. Accepted by default (the
 * body takes "an existing account Member" id, and a pending membership has one); refused as
 * InvalidMember when a test switches it, so a provider can be tried against both.
 */
function checkJoinable(store: Store, settings: EmulatorSettings, id: string, pointer: string): void {
  checkAccountMember(store, id, pointer);
  if (settings.pendingGroupMembers === "refused" && findMember(store, id)!.status === "pending") {
    throw invalid(`Invalid member: ${id} is a pending invite, not yet an accepted member of this account`, pointer, ErrorCodes.badRequest);
  }
}

function memberIds(store: Store, settings: EmulatorSettings, body: unknown): string[] {
  const ids = [...new Set(parseBody(bodySchema, body).map((m) => m.id))];
  for (const [i, id] of ids.entries()) checkJoinable(store, settings, id, `/${i}/id`);
  return ids;
}

/** fact 34: a valid account member who is not in the group: 404, code 404. */
function membership(group: UserGroupRecord, memberId: string): string {
  const since = group.members[memberId];
  if (!since) throw new ApiFailure(404, ErrorCodes.notFound, `Member ${memberId} not found in user group ${group.id}`);
  return since;
}

/** fact 29: list items are `{id, email, status}`; a group only ever holds current members. */
function memberView(store: Store, id: string) {
  const member = findMember(store, id)!;
  return { id, email: member.email, status: member.status };
}

/** The server's own order: by email, whatever order the ids were sent in. */
function listView(store: Store, ids: string[], direction: string | null = "asc") {
  return sortBy(
    ids.map((id) => memberView(store, id)),
    (m) => m.email,
    direction,
  );
}

/** fact 28: a group with no members answers `result: null`. */
const wholeList = (store: Store, group: UserGroupRecord) => {
  const ids = Object.keys(group.members);
  return { result: ids.length ? listView(store, ids) : null };
};

/**
 * fact 37: a just-created group's /members answers 404 "User group not found" for a short
 * while, though GET of the group itself already finds it.
 */
function visibleGroup(store: Store, id: string): UserGroupRecord {
  const group = findUserGroup(store, id);
  if (group.members_visible_at && Date.parse(group.members_visible_at) > Date.now()) {
    throw notFound("User group", id, ErrorCodes.notFound);
  }
  return group;
}

export function registerMembers(router: Router): void {
  const base = "/accounts/:account_id/iam/user_groups/:user_group_id/members";

  // fact 27: per_page defaults to 100, from 1 to 500; `fuzzyEmail` and `direction` (by email).
  router.add("GET", base, ({ params, query }, { store }) => {
    const group = visibleGroup(store, params.user_group_id);
    const fuzzy = query.get("fuzzyEmail")?.toLowerCase();
    const members = listView(store, Object.keys(group.members), query.get("direction")).filter((m) => !fuzzy || m.email.includes(fuzzy));
    const page = paginate(members, query, { defaultSize: 100, min: 1, max: 500 });
    return members.length ? page : { ...page, result: null };
  });

  router.add("GET", `${base}/:member_id`, ({ params }, { store }) => {
    const group = visibleGroup(store, params.user_group_id);
    checkAccountMember(store, params.member_id);
    const since = membership(group, params.member_id);
    return { result: { ...memberView(store, params.member_id), created_at: since, user: findMember(store, params.member_id)!.user } };
  });

  // fact 31: adding a member who is already there changes nothing; fact 30: the answer is the whole list.
  router.add("POST", base, ({ params, body }, { store, settings }) => {
    const group = visibleGroup(store, params.user_group_id);
    const ids = memberIds(store, settings, body);
    refuseIfScim(group, "change its members");
    const stamp = now();
    for (const id of ids) group.members[id] ??= stamp;
    group.modified_on = stamp;
    return wholeList(store, group);
  });

  // fact 36: `PUT []` removes every member and leaves the group.
  router.add("PUT", base, ({ params, body }, { store, settings }) => {
    const group = visibleGroup(store, params.user_group_id);
    const ids = memberIds(store, settings, body);
    refuseIfScim(group, "change its members");
    const stamp = now();
    group.members = Object.fromEntries(ids.map((id) => [id, group.members[id] ?? stamp]));
    group.modified_on = stamp;
    return wholeList(store, group);
  });

  router.add("DELETE", `${base}/:member_id`, ({ params }, { store }) => {
    const group = visibleGroup(store, params.user_group_id);
    checkAccountMember(store, params.member_id);
    membership(group, params.member_id);
    refuseIfScim(group, "change its members");
    delete group.members[params.member_id];
    group.modified_on = now();
    return { result: memberView(store, params.member_id) };
  });
}
