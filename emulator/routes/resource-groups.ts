import { z } from "zod";
import { ApiFailure, ErrorCodes, invalid, notFound } from "../api-error";
import { newId } from "../ids";
import { parseBody, type Router, requireFound } from "../router";
import type { ResourceGroupRecord, Scope, Store } from "../store";

// fact 12: an empty name or scope key is a 400; fact 11: at least one object.
export const scopeSchema = z.object({
  key: z.string().min(1, "must not be empty"),
  objects: z.array(z.object({ key: z.string().min(1, "must not be empty") })),
});

const createSchema = z.object({ name: z.string().min(1, "must not be empty"), scope: scopeSchema });
/** fact 14: a PUT may carry the name only, or the scope only. */
const updateSchema = createSchema.partial();

export function checkScope(scope: Scope | undefined, pointer = "/scope/objects"): void {
  if (scope && scope.objects.length === 0) {
    throw invalid("scope.objects: the number of scope objects should not be zero", pointer, ErrorCodes.emptyScopeObjects);
  }
}

/** fact 11: `scope` is an object in requests and in answers. */
export function resourceGroupView(record: ResourceGroupRecord) {
  return { id: record.id, name: record.name, scope: record.scope, meta: record.meta };
}

/** fact 13: 404, code 404, "Resource group ... not found". */
export function findResourceGroup(store: Store, id: string): ResourceGroupRecord {
  return requireFound(store.account.resourceGroups[id], () => notFound("Resource group", id, ErrorCodes.notFound));
}

/** fact 9: the predefined groups are not editable ("UnprocessableEntity: non-editable"). */
function editable(record: ResourceGroupRecord): ResourceGroupRecord {
  if (record.meta.editable === "false") {
    throw new ApiFailure(422, ErrorCodes.nonEditable, `Resource group ${record.id} is non-editable`);
  }
  return record;
}

export function registerResourceGroups(router: Router): void {
  const base = "/accounts/:account_id/iam/resource_groups";

  // fact 7: one page, no result_info; fact 8: a filter that matches nothing is `result: null`.
  router.add("GET", base, ({ query }, { store }) => {
    const id = query.get("id");
    const name = query.get("name");
    const groups = Object.values(store.account.resourceGroups)
      .filter((g) => (!id || g.id === id) && (!name || g.name === name))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { result: groups.length || (!id && !name) ? groups.map(resourceGroupView) : null };
  });

  router.add("GET", `${base}/:resource_group_id`, ({ params }, { store }) => ({
    result: resourceGroupView(findResourceGroup(store, params.resource_group_id)),
  }));

  router.add("POST", base, ({ body }, { store }) => {
    const input = parseBody(createSchema, body);
    checkScope(input.scope);
    const record: ResourceGroupRecord = { id: newId(), name: input.name, scope: input.scope, meta: { editable: "true" } };
    store.account.resourceGroups[record.id] = record;
    return { result: resourceGroupView(record) };
  });

  router.add("PUT", `${base}/:resource_group_id`, ({ params, body }, { store }) => {
    const record = editable(findResourceGroup(store, params.resource_group_id));
    const input = parseBody(updateSchema, body);
    checkScope(input.scope);
    Object.assign(record, { name: input.name ?? record.name, scope: input.scope ?? record.scope });
    return { result: resourceGroupView(record) };
  });

  // fact 14: DELETE answers `{id}`.
  router.add("DELETE", `${base}/:resource_group_id`, ({ params }, { store }) => {
    const record = editable(findResourceGroup(store, params.resource_group_id));
    const user = Object.values(store.account.userGroups).find((g) => g.policies.some((p) => p.resource_groups.includes(record.id)));
    if (user) {
      throw new ApiFailure(409, ErrorCodes.conflict, `resource group ${record.id} is used by a policy of user group ${user.id}`);
    }
    delete store.account.resourceGroups[record.id];
    return { result: { id: record.id } };
  });
}
