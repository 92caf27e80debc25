import { z } from "zod";
import { list, optional, serverString } from "../../client";
import { accountId, cloudflareId, idSet, setOf } from "../common";
import { apiScope, canonicalScope, type Scope, scopeInput, scopeWithDefaultKey } from "../resource-group/schema";

export const policyInput = z
  .object({
    // fact 21: Cloudflare refuses `deny` today; it is still accepted here, and the refusal explained.
    access: z.enum(["allow", "deny"], { errorMap: () => ({ message: "must be allow or deny" }) }),
    permissionGroups: setOf(cloudflareId).refine((ids) => ids.length > 0, "a policy needs at least one permission group"),
    resourceGroups: setOf(cloudflareId).default([]),
    /** fact 24: a scope written into the policy, instead of a resource group's id. */
    scopes: z.array(scopeInput).default([]),
  })
  .strict()
  .refine((p) => p.resourceGroups.length + p.scopes.length > 0, {
    message: "a policy needs at least one resource group or scope",
    path: ["resourceGroups"],
  });

/** Where a policy applies: resource group ids and inline scopes, both compared as sets. */
export interface PolicyInput {
  access: "allow" | "deny";
  permissionGroups: string[];
  resourceGroups: string[];
  scopes: Scope[];
}

/** What makes two policies the same policy: its content. Ids are the server's and change on every update. */
export function policyKey(policy: Partial<PolicyInput>): string {
  const scopes = (policy.scopes ?? []).map((s) => JSON.stringify(canonicalScope(s))).sort();
  return JSON.stringify([policy.access, idSet(policy.permissionGroups), idSet(policy.resourceGroups), scopes]);
}

export const byKey = <T extends Partial<PolicyInput>>(policies: T[]) => [...policies].sort((a, b) => policyKey(a).localeCompare(policyKey(b)));

export const inputsSchema = z
  .object({
    accountId,
    name: z.string().trim().min(1, "must not be empty"),
    policies: z.array(policyInput).default([]),
    adoptId: cloudflareId.optional(),
  })
  .strict()
  .transform((inputs) => ({
    ...inputs,
    policies: byKey(inputs.policies.map((p): PolicyInput => ({ ...p, scopes: p.scopes.map((s) => scopeWithDefaultKey(s, inputs.accountId)) }))),
  }));

export type UserGroupInputs = z.output<typeof inputsSchema>;

export interface PolicyOutput extends PolicyInput {
  /** The server's id: new after every update (fact 22), so never compared. */
  id: string;
}

export interface UserGroupOutputs {
  accountId: string;
  name: string;
  policies: PolicyOutput[];
  createdOn: string;
  modifiedOn: string;
}

/** fact 16: a resource group inside a policy may be an inline scope with no id. */
const apiPolicyResourceGroup = z.object({ id: optional(z.string()), scope: apiScope });

/** facts 17 and 61: a policy as user groups and account members answer it; every field may be null. */
export const apiPolicy = z.object({
  id: optional(z.string()),
  access: serverString,
  permission_groups: list(z.object({ id: z.string() })),
  resource_groups: list(apiPolicyResourceGroup),
});

/** facts 16 and 17: `policies` may be left out, and every policy field may be null. */
export const apiUserGroup = z.object({
  id: z.string(),
  name: optional(z.string()),
  created_on: optional(z.string()),
  modified_on: optional(z.string()),
  policies: list(apiPolicy),
});
export type ApiUserGroup = z.infer<typeof apiUserGroup>;

/** Policies compare as a multiset of their content, whatever their order or ids. */
export function canonicalPolicies(policies: Partial<PolicyInput>[] | undefined): string[] {
  return (policies ?? []).map(policyKey).sort();
}

/** Policies as read, in their canonical order; an inline scope (fact 24) is a resource group without an id. */
export function toPolicyOutputs(policies: z.infer<typeof apiPolicy>[]): PolicyOutput[] {
  return byKey(
    policies.map((p) => {
      const resources = p.resource_groups;
      return {
        id: p.id ?? "",
        // An access value we do not know is kept as read: it shows as drift, never as a crash.
        access: (p.access ?? "allow") as PolicyInput["access"],
        permissionGroups: idSet(p.permission_groups.map((g) => g.id)),
        resourceGroups: idSet(resources.flatMap((r) => (r.id ? [r.id] : []))),
        scopes: resources.flatMap((r) => (!r.id && r.scope ? [canonicalScope(r.scope)] : [])),
      };
    }),
  );
}

export function toOutputs(account: string, api: ApiUserGroup): UserGroupOutputs {
  return { accountId: account, name: api.name ?? "", policies: toPolicyOutputs(api.policies), createdOn: api.created_on ?? "", modifiedOn: api.modified_on ?? "" };
}

/** fact 22: policies are always sent without ids; Cloudflare refuses re-sent ones. */
export function policiesToSend(policies: PolicyInput[]) {
  return policies.map((policy) => ({
    access: policy.access,
    permission_groups: idSet(policy.permissionGroups).map((id) => ({ id })),
    resource_groups: [...idSet(policy.resourceGroups).map((id) => ({ id })), ...policy.scopes.map((scope) => ({ scope }))],
  }));
}
