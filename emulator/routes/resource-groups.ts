import { z } from "zod";
import { ApiFailure, ErrorCodes, invalid, notFound } from "../api-error";
import { newId } from "../ids";
import { parseBody, requireFound, Router } from "../router";
import { ResourceGroupRecord, Store } from "../store";

const scopeSchema = z.object({
  key: z.string().min(1, "must not be empty"),
  objects: z.array(z.object({ key: z.string().min(1, "must not be empty") })),
});

const createSchema = z.object({ name: z.string().min(1, "must not be empty"), scope: scopeSchema });
const updateSchema = createSchema.partial();

function checkScope(scope: z.infer<typeof scopeSchema> | undefined): void {
  if (scope && scope.objects.length === 0) {
    throw invalid("scope.objects: the number of scope objects must not be zero", "/scope/objects", ErrorCodes.emptyScopeObjects);
  }
}

/** The API takes one scope object but answers with a list of scopes. */
export function resourceGroupView(record: ResourceGroupRecord) {
  return { id: record.id, name: record.name, scope: [record.scope], meta: record.meta };
}

export function findResourceGroup(store: Store, id: string): ResourceGroupRecord {
  return requireFound(store.account.resourceGroups[id], () => notFound("resource group", id));
}

export function registerResourceGroups(router: Router): void {
  const base = "/accounts/:account_id/iam/resource_groups";

  router.add("GET", base, ({ query }, { store }) => {
    const id = query.get("id");
    const name = query.get("name");
    const groups = Object.values(store.account.resourceGroups)
      .filter((g) => (!id || g.id === id) && (!name || g.name === name))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { result: groups.map(resourceGroupView) };
  });

  router.add("GET", `${base}/:resource_group_id`, ({ params }, { store }) => ({
    result: resourceGroupView(findResourceGroup(store, params.resource_group_id)),
  }));

  router.add("POST", base, ({ body }, { store }) => {
    const input = parseBody(createSchema, body);
    checkScope(input.scope);
    const record: ResourceGroupRecord = { id: newId(), name: input.name, scope: input.scope, meta: { key: "editable", value: "true" } };
    store.account.resourceGroups[record.id] = record;
    return { result: resourceGroupView(record) };
  });

  router.add("PUT", `${base}/:resource_group_id`, ({ params, body }, { store }) => {
    const record = findResourceGroup(store, params.resource_group_id);
    const input = parseBody(updateSchema, body);
    checkScope(input.scope);
    Object.assign(record, { name: input.name ?? record.name, scope: input.scope ?? record.scope });
    return { result: resourceGroupView(record) };
  });

  router.add("DELETE", `${base}/:resource_group_id`, ({ params }, { store }) => {
    const record = findResourceGroup(store, params.resource_group_id);
    const user = Object.values(store.account.userGroups).find((g) =>
      g.policies.some((p) => p.resource_groups.includes(record.id)),
    );
    if (user) {
      throw new ApiFailure(409, ErrorCodes.conflict, `resource group ${record.id} is used by a policy of user group ${user.id}`);
    }
    delete store.account.resourceGroups[record.id];
    return { result: { id: record.id } };
  });
}
