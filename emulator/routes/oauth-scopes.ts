import type { Router } from "../router";
import { oauthScopes } from "../seed";

export function registerOAuthScopes(router: Router): void {
  router.add("GET", "/oauth/scopes", () => ({ result: oauthScopes }));
}
