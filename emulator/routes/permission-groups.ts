import { ErrorCodes, notFound } from "../api-error";
import { paginate, type Router, requireFound } from "../router";
import { permissionGroups } from "../seed";

export function registerPermissionGroups(router: Router): void {
  router.add("GET", "/accounts/:account_id/iam/permission_groups", ({ query }) => {
    const id = query.get("id");
    const name = query.get("name");
    const label = query.get("label");
    // fact 3: no match is `result: []`; fact 2: `label` is the role label.
    const matches = permissionGroups.filter((pg) => (!id || pg.id === id) && (!name || pg.name === name) && (!label || pg.meta.label === label));
    // fact 1: per_page defaults to 20, from 5 to 50; fact 4: no result_info.
    return paginate(matches, query, { defaultSize: 20, min: 5, max: 50, withResultInfo: false });
  });

  router.add("GET", "/accounts/:account_id/iam/permission_groups/:permission_group_id", ({ params }) => ({
    // fact 6: an unknown id is 404.
    result: requireFound(
      permissionGroups.find((pg) => pg.id === params.permission_group_id),
      () => notFound("Permission group", params.permission_group_id, ErrorCodes.notFound),
    ),
  }));
}
