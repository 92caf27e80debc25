import { notFound } from "../api-error";
import { paginate, requireFound, Router } from "../router";
import { permissionGroups } from "../seed";

export function registerPermissionGroups(router: Router): void {
  router.add("GET", "/accounts/:account_id/iam/permission_groups", ({ query }) => {
    const id = query.get("id");
    const name = query.get("name");
    const label = query.get("label");
    const matches = permissionGroups.filter(
      (pg) => (!id || pg.id === id) && (!name || pg.name === name) && (!label || pg.meta.value === label),
    );
    return paginate(matches, query);
  });

  router.add("GET", "/accounts/:account_id/iam/permission_groups/:permission_group_id", ({ params }) => ({
    result: requireFound(
      permissionGroups.find((pg) => pg.id === params.permission_group_id),
      () => notFound("permission group", params.permission_group_id),
    ),
  }));
}
