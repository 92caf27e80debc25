import { z } from "zod";
import { ErrorCodes, invalid, notFound } from "../api-error";
import { now } from "../ids";
import { paginate, parseBody, Router, sortBy } from "../router";
import { accountMembers } from "../seed";
import { UserGroupRecord } from "../store";
import { findUserGroup } from "./user-groups";

const bodySchema = z.array(z.object({ id: z.string().min(1, "must not be empty") }));

function memberIds(body: unknown): string[] {
  const ids = [...new Set(parseBody(bodySchema, body).map((m) => m.id))];
  ids.forEach((id, i) => {
    if (!accountMembers.some((m) => m.id === id)) {
      throw invalid(`${id} is not a member of this account`, `/${i}/id`, ErrorCodes.unknownAccountMember);
    }
  });
  return ids;
}

function memberView(id: string) {
  const member = accountMembers.find((m) => m.id === id)!;
  return { id, email: member.email, status: member.status };
}

/** The server's own order: by email, whatever order the ids were sent in. */
function listView(ids: string[], direction: string | null = "asc") {
  return sortBy(ids.map(memberView), (m) => m.email, direction);
}

function membership(group: UserGroupRecord, memberId: string): string {
  const since = group.members[memberId];
  if (!since) throw notFound("member", memberId);
  return since;
}

export function registerMembers(router: Router): void {
  const base = "/accounts/:account_id/iam/user_groups/:user_group_id/members";

  router.add("GET", base, ({ params, query }, { store }) => {
    const group = findUserGroup(store, params.user_group_id);
    const fuzzy = query.get("fuzzyEmail")?.toLowerCase();
    const members = listView(Object.keys(group.members), query.get("direction")).filter((m) => !fuzzy || m.email.includes(fuzzy));
    return paginate(members, query);
  });

  router.add("GET", `${base}/:member_id`, ({ params }, { store }) => {
    const group = findUserGroup(store, params.user_group_id);
    const since = membership(group, params.member_id);
    const member = accountMembers.find((m) => m.id === params.member_id)!;
    return { result: { ...memberView(member.id), created_at: since, user: member.user } };
  });

  router.add("POST", base, ({ params, body }, { store }) => {
    const group = findUserGroup(store, params.user_group_id);
    const ids = memberIds(body);
    const stamp = now();
    for (const id of ids) group.members[id] ??= stamp;
    group.modified_on = stamp;
    return { result: listView(ids) };
  });

  router.add("PUT", base, ({ params, body }, { store }) => {
    const group = findUserGroup(store, params.user_group_id);
    const ids = memberIds(body);
    const stamp = now();
    group.members = Object.fromEntries(ids.map((id) => [id, group.members[id] ?? stamp]));
    group.modified_on = stamp;
    return { result: listView(ids) };
  });

  router.add("DELETE", `${base}/:member_id`, ({ params }, { store }) => {
    const group = findUserGroup(store, params.user_group_id);
    membership(group, params.member_id);
    delete group.members[params.member_id];
    group.modified_on = now();
    return { result: memberView(params.member_id) };
  });
}
