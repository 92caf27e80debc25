import { z } from "zod";
import { ErrorCodes, invalid, notFound } from "../api-error";
import { newId, now } from "../ids";
import { paginate, parseBody, requireFound, Router, sortBy } from "../router";
import { permissionGroups } from "../seed";
import { PolicyRecord, Store, UserGroupRecord } from "../store";
import { resourceGroupView } from "./resource-groups";

const idRef = z.object({ id: z.string().min(1, "must not be empty") });

const policySchema = z.object({
  id: z.string().optional(),
  access: z.enum(["allow", "deny"]),
  permission_groups: z.array(idRef).min(1, "a policy needs at least one permission group"),
  resource_groups: z.array(idRef).min(1, "a policy needs at least one resource group"),
});

const createSchema = z.object({ name: z.string().min(1, "must not be empty"), policies: z.array(policySchema) });
const updateSchema = createSchema.partial();

function unique(ids: { id: string }[]): string[] {
  return [...new Set(ids.map((r) => r.id))];
}

/**
 * Turns requested policies into records. A policy that names one of the group's existing policy
 * ids keeps it; any other policy (no id, or an id the group does not have) gets a new id.
 */
function toPolicies(store: Store, input: z.infer<typeof policySchema>[], existing: PolicyRecord[]): PolicyRecord[] {
  const known = new Set(existing.map((p) => p.id));
  return input.map((policy, i) => {
    const permission = unique(policy.permission_groups);
    const resource = unique(policy.resource_groups);
    permission.forEach((id, j) => {
      if (!permissionGroups.some((pg) => pg.id === id)) {
        throw invalid(`unknown permission group ${id}`, `/policies/${i}/permission_groups/${j}/id`, ErrorCodes.unknownPermissionGroup);
      }
    });
    resource.forEach((id, j) => {
      if (!store.account.resourceGroups[id]) {
        throw invalid(`unknown resource group ${id}`, `/policies/${i}/resource_groups/${j}/id`, ErrorCodes.unknownResourceGroup);
      }
    });
    const id = policy.id && known.has(policy.id) ? policy.id : newId();
    known.delete(id);
    return { id, access: policy.access, permission_groups: permission, resource_groups: resource };
  });
}

/** Lists come back in the server's order (by id), never in the order they were sent. */
export function userGroupView(store: Store, record: UserGroupRecord) {
  const policies = sortBy(record.policies, (p) => p.id, "asc").map((p) => ({
    id: p.id,
    access: p.access,
    permission_groups: [...p.permission_groups].sort().map((id) => permissionGroups.find((pg) => pg.id === id) ?? { id }),
    resource_groups: [...p.resource_groups].sort().map((id) => {
      const group = store.account.resourceGroups[id];
      return group ? resourceGroupView(group) : { id, scope: [] };
    }),
  }));
  return { id: record.id, name: record.name, created_on: record.created_on, modified_on: record.modified_on, policies };
}

export function findUserGroup(store: Store, id: string): UserGroupRecord {
  return requireFound(store.account.userGroups[id], () => notFound("user group", id));
}

export function registerUserGroups(router: Router): void {
  const base = "/accounts/:account_id/iam/user_groups";

  router.add("GET", base, ({ query }, { store }) => {
    const id = query.get("id");
    const name = query.get("name");
    // The reference spells it fuzzy_name; Cloudflare's SDK (generated from the OpenAPI schema) sends fuzzyName.
    const fuzzy = (query.get("fuzzy_name") ?? query.get("fuzzyName"))?.toLowerCase();
    const direction = query.get("direction");
    if (direction && direction !== "asc" && direction !== "desc") {
      throw invalid("direction must be asc or desc", undefined);
    }
    const groups = Object.values(store.account.userGroups).filter(
      (g) => (!id || g.id === id) && (!name || g.name === name) && (!fuzzy || g.name.toLowerCase().includes(fuzzy)),
    );
    return paginate(
      sortBy(groups, (g) => g.name, direction).map((g) => userGroupView(store, g)),
      query,
    );
  });

  router.add("GET", `${base}/:user_group_id`, ({ params }, { store }) => ({
    result: userGroupView(store, findUserGroup(store, params.user_group_id)),
  }));

  router.add("POST", base, ({ body }, { store }) => {
    const input = parseBody(createSchema, body);
    const stamp = now();
    const record: UserGroupRecord = {
      id: newId(),
      name: input.name,
      created_on: stamp,
      modified_on: stamp,
      policies: toPolicies(store, input.policies, []),
      members: {},
    };
    store.account.userGroups[record.id] = record;
    return { result: userGroupView(store, record) };
  });

  router.add("PUT", `${base}/:user_group_id`, ({ params, body }, { store }) => {
    const record = findUserGroup(store, params.user_group_id);
    const input = parseBody(updateSchema, body);
    const policies = input.policies ? toPolicies(store, input.policies, record.policies) : record.policies;
    Object.assign(record, { name: input.name ?? record.name, policies, modified_on: now() });
    return { result: userGroupView(store, record) };
  });

  router.add("DELETE", `${base}/:user_group_id`, ({ params }, { store }) => {
    const record = findUserGroup(store, params.user_group_id);
    delete store.account.userGroups[record.id];
    return { result: { id: record.id } };
  });
}
