/**
 * The account's SCIM v2 Groups, as an identity provider sees them (RFC 7644 ListResponse, not a
 * v4 envelope): every user group, and for the ones an identity provider pushed, its
 * `externalId`. It is how a reader tells which user groups SCIM manages (fact 39).
 */
import type { Router } from "../router";

const positive = (raw: string | null, fallback: number) => {
  const value = Number(raw);
  return raw !== null && Number.isInteger(value) && value > 0 ? value : fallback;
};

export function registerScim(router: Router): void {
  router.add("GET", "/accounts/:account_id/scim/v2/Groups", ({ query }, { store }) => {
    const all = Object.values(store.account.userGroups).sort((a, b) => a.created_on.localeCompare(b.created_on));
    const startIndex = positive(query.get("startIndex"), 1);
    const page = all.slice(startIndex - 1, startIndex - 1 + positive(query.get("count"), 100));
    return {
      raw: {
        schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        totalResults: all.length,
        startIndex,
        itemsPerPage: page.length,
        Resources: page.map((g) => ({
          schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          id: g.id,
          displayName: g.name,
          ...(g.scim_external_id !== undefined ? { externalId: g.scim_external_id } : {}),
          meta: { resourceType: "Group", created: g.created_on, lastModified: g.modified_on },
        })),
      },
    };
  });
}
