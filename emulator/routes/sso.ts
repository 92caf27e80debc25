import { z } from "zod";
import { ApiFailure, ErrorCodes, notFound } from "../api-error";
import { newId, now } from "../ids";
import { parseBody, type Router, requireFound } from "../router";
import type { SSOConnectorRecord, Store } from "../store";

/** A bare domain name: no scheme, path, port or wildcard. */
export const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const createSchema = z.object({
  email_domain: z.string().regex(DOMAIN_PATTERN, "must be a bare domain name such as example.com (no scheme or path)"),
  begin_verification: z.boolean().optional(),
  use_fedramp_language: z.boolean().optional(),
});

const updateSchema = z.object({ enabled: z.boolean().optional(), use_fedramp_language: z.boolean().optional() });

export function findConnector(store: Store, id: string): SSOConnectorRecord {
  return requireFound(store.account.ssoConnectors[id], () => notFound("SSO connector", id));
}

export function registerSSOConnectors(router: Router): void {
  const base = "/accounts/:account_id/sso_connectors";

  router.add("GET", base, (_, { store }) => ({
    result: Object.values(store.account.ssoConnectors).sort((a, b) => a.email_domain.localeCompare(b.email_domain)),
  }));

  router.add("GET", `${base}/:sso_connector_id`, ({ params }, { store }) => ({
    result: findConnector(store, params.sso_connector_id),
  }));

  router.add("POST", base, ({ body }, { store }) => {
    const input = parseBody(createSchema, body);
    const domain = input.email_domain.toLowerCase();
    if (Object.values(store.account.ssoConnectors).some((c) => c.email_domain === domain)) {
      throw new ApiFailure(409, ErrorCodes.conflict, `an SSO connector for ${domain} already exists`, "/email_domain");
    }
    const id = newId();
    const stamp = now();
    const record: SSOConnectorRecord = {
      id,
      email_domain: domain,
      enabled: false,
      use_fedramp_language: input.use_fedramp_language ?? false,
      created_on: stamp,
      updated_on: stamp,
      verification: { code: `cloudflare_dashboard_sso=${id}`, status: input.begin_verification ? "pending" : "awaiting" },
    };
    store.account.ssoConnectors[id] = record;
    return { result: record };
  });

  router.add("PATCH", `${base}/:sso_connector_id`, ({ params, body }, { store }) => {
    const record = findConnector(store, params.sso_connector_id);
    const input = parseBody(updateSchema, body);
    Object.assign(record, {
      enabled: input.enabled ?? record.enabled,
      use_fedramp_language: input.use_fedramp_language ?? record.use_fedramp_language,
      updated_on: now(),
    });
    return { result: record };
  });

  router.add("DELETE", `${base}/:sso_connector_id`, ({ params }, { store }) => {
    const record = findConnector(store, params.sso_connector_id);
    delete store.account.ssoConnectors[record.id];
    return { result: { id: record.id } };
  });

  router.add("POST", `${base}/:sso_connector_id/begin_verification`, ({ params }, { store }) => {
    const record = findConnector(store, params.sso_connector_id);
    if (record.verification.status !== "verified") record.verification.status = "pending";
    record.updated_on = now();
    return {};
  });
}
