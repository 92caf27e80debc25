/**
 * Test controls outside /client/v4: counters, faults, rate limit, the raw account state, and the
 * out-of-band events no API call can cause (DNS verification of an SSO connector or client URI).
 */
import { z } from "zod";
import { type FaultConfig, mergeFaults } from "./faults";
import { toMemberAccess } from "./member-grants";
import { RateLimiter } from "./rate-limit";
import { acceptInvite, addCloudflareUser, findMember, removeMember } from "./roster";
import { Router } from "./router";
import type { PendingGroupMembers } from "./routes/members";
import { findClient } from "./routes/oauth-clients";
import type { RolesApiAnswer } from "./routes/roles";
import { findConnector } from "./routes/sso";
import { findUserGroup, policySchema } from "./routes/user-groups";
import type { AccountMember } from "./seed";
import type { Stats } from "./stats";
import type { Store } from "./store";

export interface AdminState {
  store: Store;
  stats: Stats;
  limiter: RateLimiter;
  faults: FaultConfig;
  rolesApi: RolesApiAnswer;
  pendingGroupMembers: PendingGroupMembers;
}

const verificationSchema = z.object({ status: z.enum(["awaiting", "pending", "failed", "verified"]) });
const uriVerificationSchema = z.object({ status: z.enum(["pending", "in_progress", "failed", "verified"]) });
const rateLimitSchema = z.union([z.object({ enabled: z.literal(false) }), z.object({ limit: z.number().int().positive(), window_seconds: z.number().positive() })]);

/** fact 52: a member is given roles (ids) or policies, inline scopes included, as the dashboard may have set them. */
const memberAccessSchema = z
  .object({ roles: z.array(z.string()).optional(), policies: z.array(policySchema).optional() })
  .refine((body) => body.roles !== undefined || body.policies !== undefined, "send roles or policies");

const userSchema = z.object({ email: z.string().min(1), first_name: z.string().nullable().default(null), last_name: z.string().nullable().default(null) });

function member(state: AdminState, id: string): AccountMember {
  const found = findMember(state.store, id);
  if (!found) throw new Error(`no account member ${id}`);
  return found;
}

function pendingInvite(state: AdminState, id: string): AccountMember {
  const found = member(state, id);
  if (found.status !== "pending") throw new Error(`account member ${id} is ${found.status}, not a pending invite`);
  return found;
}

export function adminRouter(state: AdminState): Router {
  const router = new Router();
  router.add("GET", "/health", () => ({ result: { ok: true } }));
  router.add("GET", "/stats", () => ({ result: state.stats.snapshot() }));
  router.add("DELETE", "/stats", () => {
    state.stats.reset();
    return { result: state.stats.snapshot() };
  });
  router.add("GET", "/faults", () => ({ result: state.faults }));
  router.add("PUT", "/faults", ({ body }) => {
    state.faults = mergeFaults(state.faults, body as Partial<FaultConfig>);
    return { result: state.faults };
  });
  const rateLimitView = () => (state.limiter.config ? { limit: state.limiter.config.limit, window_seconds: state.limiter.config.windowMs / 1000 } : { enabled: false });
  router.add("GET", "/rate_limit", () => ({ result: rateLimitView() }));
  router.add("PUT", "/rate_limit", ({ body }) => {
    const input = rateLimitSchema.parse(body);
    // A new limiter: setting the limit also starts a fresh window.
    state.limiter = new RateLimiter("limit" in input ? { limit: input.limit, windowMs: input.window_seconds * 1000 } : undefined);
    return { result: rateLimitView() };
  });
  router.add("GET", "/state", () => ({ result: state.store.account }));
  router.add("DELETE", "/state", () => {
    state.store.reset();
    return { result: state.store.account };
  });
  router.add("POST", "/sso_connectors/:id/verification", ({ params, body }) => {
    const connector = findConnector(state.store, params.id);
    connector.verification.status = verificationSchema.parse(body).status;
    state.store.save();
    return { result: connector };
  });
  router.add("POST", "/oauth_clients/:id/client_uri_verification", ({ params, body }) => {
    const client = findClient(state.store, params.id);
    if (!client.client_uri_verification) throw new Error("the client has no client_uri to verify");
    client.client_uri_verification.status = uriVerificationSchema.parse(body).status;
    state.store.save();
    return { result: client.client_uri_verification };
  });
  // An account member leaves the account: gone from the member list and from every group (fact 33).
  router.add("DELETE", "/account_members/:id", ({ params }) => {
    removeMember(state.store, member(state, params.id).id);
    state.store.save();
    return { result: { id: params.id } };
  });
  // The dashboard sets a member's roles or policies, replacing the ones it had (fact 64).
  router.add("PUT", "/account_members/:id/access", ({ params, body }) => {
    member(state, params.id);
    state.store.account.memberAccess[params.id] = toMemberAccess(state.store, memberAccessSchema.parse(body))!;
    state.store.save();
    return { result: state.store.account.memberAccess[params.id] };
  });
  // The invitee accepts the invite, as no API call can (fact 57).
  router.add("POST", "/account_members/:id/accept", ({ params }) => {
    const accepted = acceptInvite(state.store, pendingInvite(state, params.id));
    state.store.save();
    return { result: accepted };
  });
  // The invite expires (fact 80): the member drops out of the list, and GET answers 1003.
  router.add("POST", "/account_members/:id/expire", ({ params }) => {
    removeMember(state.store, pendingInvite(state, params.id).id);
    state.store.save();
    return { result: { id: params.id } };
  });
  // Someone signs up to Cloudflare: an existing user may then be added directly (fact 59).
  router.add("POST", "/users", ({ body }) => {
    const input = userSchema.parse(body);
    const user = addCloudflareUser(state.store, input.email, input.first_name, input.last_name);
    state.store.save();
    return { result: user };
  });
  // Whether a pending invite may join a user group (fact 81).
  router.add("PUT", "/pending_group_members", ({ body }) => {
    state.pendingGroupMembers = z.object({ answer: z.enum(["accepted", "refused"]) }).parse(body).answer;
    return { result: { answer: state.pendingGroupMembers } };
  });
  // The deprecated roles API refuses, as for a token without the permission or once it is removed (fact 78).
  router.add("PUT", "/roles_api", ({ body }) => {
    state.rolesApi = z.object({ answer: z.enum(["served", "forbidden", "removed"]) }).parse(body).answer;
    return { result: { answer: state.rolesApi } };
  });
  // An identity provider takes the group over through SCIM (fact 39).
  router.add("PUT", "/user_groups/:id/scim", ({ params, body }) => {
    const group = findUserGroup(state.store, params.id);
    group.scim_external_id = z.object({ externalId: z.string().min(1) }).parse(body).externalId;
    state.store.save();
    return { result: { id: group.id, externalId: group.scim_external_id } };
  });
  return router;
}
