/** `GET /user/tokens/verify`: the calling token's own id, how a client tells its writes apart in the audit log. */
import { ApiFailure, ErrorCodes } from "../api-error";
import { cloudflareUser } from "../roster";
import type { Router } from "../router";

export function registerTokens(router: Router): void {
  router.add("GET", "/user/tokens/verify", (_request, { caller }) => ({
    result: { id: caller?.id, status: "active", not_before: null, expires_on: null },
  }));

  /**
   * `GET /user`: the user a user-owned token acts for. An account-owned token (one with no
   * email) has no user, and is refused as a token without the permission (an assumption:
   * docs/account-members.md).
   */
  router.add("GET", "/user", (_request, { caller, store }) => {
    const user = caller?.email ? cloudflareUser(store, caller.email) : undefined;
    if (!caller?.email) throw new ApiFailure(403, ErrorCodes.accountAccess, "Unauthorized to access requested resource");
    return { result: { id: user?.id ?? null, email: caller.email } };
  });
}
