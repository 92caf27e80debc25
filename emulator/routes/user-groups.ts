import { z } from "zod";
import { ApiFailure, ErrorCodes, invalid, notFound } from "../api-error";
import { newId, now } from "../ids";
import { type EmulatorSettings, paginate, parseBody, type Router, requireFound, sortBy } from "../router";
import { permissionGroups } from "../seed";
import type { PolicyRecord, PolicyResource, Store, UserGroupRecord } from "../store";
import { checkScope, resourceGroupView, scopeSchema } from "./resource-groups";

/** fact 24: a policy's resource group is `{id}`, or an inline `{scope}`. */
const resourceRef = z.union([z.object({ id: z.string().min(1, "must not be empty") }), z.object({ scope: scopeSchema })]);

export const policySchema = z.object({
  id: z.string().optional(),
  access: z.enum(["allow", "deny"]),
  permission_groups: z.array(z.object({ id: z.string().min(1, "must not be empty") })).min(1, "a policy needs at least one permission group"),
  resource_groups: z.array(resourceRef).min(1, "a policy needs at least one resource group"),
});

// fact 18: only `name` is required; fact 20: an empty name is a 400.
const createSchema = z.object({ name: z.string().min(1, "must not be empty"), policies: z.array(policySchema).optional() });
const updateSchema = createSchema.partial();

/** fact 21: "Policy validation failed". */
const policyValidationFailed = (detail: string, pointer: string) => invalid(`Policy validation failed: ${detail}`, pointer);

/** fact 19: names are unique, on POST and on PUT; code 400, "already in use". */
function checkNameFree(store: Store, name: string, self?: string): void {
  if (Object.values(store.account.userGroups).some((g) => g.name === name && g.id !== self)) {
    throw invalid(`User group name '${name}' is already in use`, "/name", ErrorCodes.badRequest);
  }
}

/** fact 39: an identity provider owns a SCIM group's name, members and existence. */
export function refuseIfScim(group: UserGroupRecord, change: string): void {
  if (group.scim_external_id !== undefined) {
    throw new ApiFailure(400, ErrorCodes.managedByScim, `User group ${group.id} is managed by SCIM: cannot ${change} through the API`);
  }
}

function toResource(store: Store, ref: z.infer<typeof resourceRef>, pointer: string): PolicyResource {
  if ("scope" in ref) {
    checkScope(ref.scope, `${pointer}/scope/objects`);
    return { scope: ref.scope };
  }
  if (!store.account.resourceGroups[ref.id]) throw invalid(`unknown resource group ${ref.id}`, `${pointer}/id`, ErrorCodes.unknownResourceGroup);
  return ref.id;
}

/** Every policy gets a new id on every write (fact 22); a re-sent id is refused. */
export function toPolicies(store: Store, input: z.infer<typeof policySchema>[]): PolicyRecord[] {
  const stamp = now();
  return input.map((policy, i) => {
    if (policy.id !== undefined) throw invalid("Cannot re-use policy IDs", `/policies/${i}/id`);
    if (policy.access === "deny") throw policyValidationFailed("deny policies are not supported", `/policies/${i}/access`);
    const permissions = [...new Set(policy.permission_groups.map((g) => g.id))];
    permissions.forEach((id, j) => {
      if (!permissionGroups.some((pg) => pg.id === id)) {
        throw invalid(`unknown permission group ${id}`, `/policies/${i}/permission_groups/${j}/id`, ErrorCodes.unknownPermissionGroup);
      }
    });
    const resources = policy.resource_groups.map((ref, j) => toResource(store, ref, `/policies/${i}/resource_groups/${j}`));
    return { id: newId(), access: policy.access, permission_groups: permissions, resource_groups: resources, created_on: stamp, modified_on: stamp };
  });
}

/** fact 16: a policy's resource groups come back whole; an inline scope comes back without an id. */
function resourceView(store: Store, resource: PolicyResource, policy: PolicyRecord) {
  if (typeof resource !== "string") return { created_on: policy.created_on, modified_on: policy.modified_on, scope: resource.scope };
  const group = store.account.resourceGroups[resource];
  return group ? resourceGroupView(group) : { id: resource };
}

/** facts 16 and 61: a policy answers with its id and its groups expanded, in the server's order (by id). */
export function policiesView(store: Store, policies: PolicyRecord[]) {
  return sortBy(policies, (p) => p.id, "asc").map((p) => ({
    id: p.id,
    access: p.access,
    created_on: p.created_on,
    modified_on: p.modified_on,
    status: "V",
    permission_groups: [...p.permission_groups].sort().map((id) => permissionGroups.find((pg) => pg.id === id) ?? { id }),
    resource_groups: p.resource_groups.map((r) => resourceView(store, r, p)),
  }));
}

/**
 * fact 16: items carry `status`, a group without policies has no `policies` key, and policies
 * carry timestamps, status and whole permission groups. Lists come back in the server's
 * order (by id), never in the order they were sent.
 */
export function userGroupView(store: Store, record: UserGroupRecord) {
  const policies = policiesView(store, record.policies);
  const view = { id: record.id, name: record.name, created_on: record.created_on, modified_on: record.modified_on, status: "V" };
  return policies.length ? { ...view, policies } : view;
}

/** fact 25: 404, code 404, "User group ... not found". */
export function findUserGroup(store: Store, id: string): UserGroupRecord {
  return requireFound(store.account.userGroups[id], () => notFound("User group", id, ErrorCodes.notFound));
}

export function newUserGroup(store: Store, settings: EmulatorSettings, name: string, policies: PolicyRecord[]): UserGroupRecord {
  const stamp = now();
  const visible = new Date(Date.now() + settings.membersPropagationMs).toISOString();
  const record: UserGroupRecord = { id: newId(), name, created_on: stamp, modified_on: stamp, policies, members: {}, members_visible_at: visible };
  store.account.userGroups[record.id] = record;
  return record;
}

export function registerUserGroups(router: Router): void {
  const base = "/accounts/:account_id/iam/user_groups";

  // fact 15: per_page defaults to 100, from 1 to 500; `fuzzyName` and `direction` (by name).
  router.add("GET", base, ({ query }, { store }) => {
    const id = query.get("id");
    const name = query.get("name");
    // The reference spells it fuzzy_name; the spec (and Cloudflare's SDK) fuzzyName.
    const fuzzy = (query.get("fuzzy_name") ?? query.get("fuzzyName"))?.toLowerCase();
    const direction = query.get("direction");
    if (direction && direction !== "asc" && direction !== "desc") throw invalid("direction must be asc or desc", undefined);
    const groups = Object.values(store.account.userGroups).filter((g) => (!id || g.id === id) && (!name || g.name === name) && (!fuzzy || g.name.toLowerCase().includes(fuzzy)));
    const sorted = sortBy(groups, (g) => g.name, direction).map((g) => userGroupView(store, g));
    return paginate(sorted, query, { defaultSize: 100, min: 1, max: 500 });
  });

  router.add("GET", `${base}/:user_group_id`, ({ params }, { store }) => ({
    result: userGroupView(store, findUserGroup(store, params.user_group_id)),
  }));

  router.add("POST", base, ({ body }, { store, settings }) => {
    const input = parseBody(createSchema, body);
    checkNameFree(store, input.name);
    const record = newUserGroup(store, settings, input.name, toPolicies(store, input.policies ?? []));
    return { result: userGroupView(store, record) };
  });

  // facts 22 and 23: `policies` replaces the whole set, `[]` clears it; a name alone keeps it.
  router.add("PUT", `${base}/:user_group_id`, ({ params, body }, { store }) => {
    const record = findUserGroup(store, params.user_group_id);
    const input = parseBody(updateSchema, body);
    if (input.name !== undefined && input.name !== record.name) {
      refuseIfScim(record, "rename the group");
      checkNameFree(store, input.name, record.id);
    }
    const policies = input.policies ? toPolicies(store, input.policies) : record.policies;
    Object.assign(record, { name: input.name ?? record.name, policies, modified_on: now() });
    return { result: userGroupView(store, record) };
  });

  // fact 26: DELETE answers `{id}` and takes the memberships with it.
  router.add("DELETE", `${base}/:user_group_id`, ({ params }, { store }) => {
    const record = findUserGroup(store, params.user_group_id);
    refuseIfScim(record, "delete the group");
    delete store.account.userGroups[record.id];
    return { result: { id: record.id } };
  });
}
