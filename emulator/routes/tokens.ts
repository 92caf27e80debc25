/** `GET /user/tokens/verify`: the calling token's own id, how a client tells its writes apart in the audit log. */
import type { Router } from "../router";

export function registerTokens(router: Router): void {
  router.add("GET", "/user/tokens/verify", (_request, { caller }) => ({
    result: { id: caller?.id, status: "active", not_before: null, expires_on: null },
  }));
}
