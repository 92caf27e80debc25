/** Every /client/v4 route the emulator serves. */
import { Router } from "./router";
import { registerAccountMembers } from "./routes/account-members";
import { registerAuditLogs } from "./routes/audit-logs";
import { registerMembers } from "./routes/members";
import { registerOAuthClients } from "./routes/oauth-clients";
import { registerOAuthScopes } from "./routes/oauth-scopes";
import { registerPermissionGroups } from "./routes/permission-groups";
import { registerResourceGroups } from "./routes/resource-groups";
import { registerRoles } from "./routes/roles";
import { registerScim } from "./routes/scim";
import { registerSSOConnectors } from "./routes/sso";
import { registerTokens } from "./routes/tokens";
import { registerUserGroups } from "./routes/user-groups";

export function apiRouter(): Router {
  const router = new Router();
  registerPermissionGroups(router);
  registerResourceGroups(router);
  registerUserGroups(router);
  registerMembers(router);
  registerSSOConnectors(router);
  registerOAuthClients(router);
  registerOAuthScopes(router);
  registerAccountMembers(router);
  registerRoles(router);
  registerScim(router);
  registerAuditLogs(router);
  registerTokens(router);
  return router;
}
