/**
 * The legacy Account Roles API, deprecated since July 2026 in favour of permission groups but
 * still served (fact 78). A test can make it refuse, as for a token without the permission
 * (fact 76) or once Cloudflare removes it.
 */
import { ApiFailure, ErrorCodes, notFound } from "../api-error";
import { type EmulatorSettings, paginate, type Router, requireFound } from "../router";
import { legacyRoles } from "../seed";

/** How the roles endpoints answer: served, 403 as for a token without Account Settings Read, or 404 once removed. */
export type RolesApiAnswer = "served" | "forbidden" | "removed";

function refuseUnlessServed(settings: EmulatorSettings, path: string): void {
  if (settings.rolesApi === "forbidden") throw new ApiFailure(403, ErrorCodes.accountAccess, "Unauthorized to access requested resource");
  if (settings.rolesApi === "removed") throw new ApiFailure(404, ErrorCodes.noRoute, `No route for GET ${path}`);
}

export function registerRoles(router: Router): void {
  const base = "/accounts/:account_id/roles";

  // Page-numbered like the SDK's Accounts.Roles.List; Terraform's tests ask 100 a page (fact 74).
  router.add("GET", base, ({ params, query }, { settings }) => {
    refuseUnlessServed(settings, `/accounts/${params.account_id}/roles`);
    return paginate(legacyRoles, query, { defaultSize: 20, min: 5, max: 100 });
  });

  router.add("GET", `${base}/:role_id`, ({ params }, { settings }) => {
    refuseUnlessServed(settings, `/accounts/${params.account_id}/roles/${params.role_id}`);
    return {
      result: requireFound(
        legacyRoles.find((r) => r.id === params.role_id),
        () => notFound("Role", params.role_id),
      ),
    };
  });
}
