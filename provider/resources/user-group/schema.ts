import { z } from "zod";
import { accountId, cloudflareId, idSet, setOf } from "../common";

const policyInput = z
  .object({
    access: z.enum(["allow", "deny"], { errorMap: () => ({ message: "must be allow or deny" }) }),
    permissionGroups: setOf(cloudflareId).refine((ids) => ids.length > 0, "a policy needs at least one permission group"),
    resourceGroups: setOf(cloudflareId).refine((ids) => ids.length > 0, "a policy needs at least one resource group"),
  })
  .strict();

export const inputsSchema = z
  .object({
    accountId,
    name: z.string().trim().min(1, "must not be empty"),
    policies: z
      .array(policyInput)
      .default([])
      .transform((policies) => [...policies].sort((a, b) => policyKey(a).localeCompare(policyKey(b)))),
    adoptId: cloudflareId.optional(),
  })
  .strict();

export type UserGroupInputs = z.output<typeof inputsSchema>;
export type PolicyInput = z.output<typeof policyInput>;

export interface PolicyOutput extends PolicyInput {
  id: string;
}

export interface UserGroupOutputs {
  accountId: string;
  name: string;
  policies: PolicyOutput[];
  createdOn: string;
  modifiedOn: string;
}

const idRef = z.object({ id: z.string() });
export const apiUserGroup = z.object({
  id: z.string(),
  name: z.string(),
  created_on: z.string().optional(),
  modified_on: z.string().optional(),
  policies: z
    .array(
      z.object({
        id: z.string().optional(),
        access: z.enum(["allow", "deny"]).optional(),
        permission_groups: z.array(idRef).optional(),
        resource_groups: z.array(idRef).optional(),
      }),
    )
    .optional(),
});
export type ApiUserGroup = z.infer<typeof apiUserGroup>;

/** What makes two policies the same policy: access and the two id sets. Ids are the server's. */
export function policyKey(policy: PolicyInput): string {
  return JSON.stringify([policy.access, idSet(policy.permissionGroups), idSet(policy.resourceGroups)]);
}

/** Policies compare as a multiset of keys, whatever their order or ids. */
export function canonicalPolicies(policies: PolicyInput[] | undefined): string[] {
  return (policies ?? []).map(policyKey).sort();
}

export function toOutputs(accountId: string, api: ApiUserGroup): UserGroupOutputs {
  const policies = (api.policies ?? []).map((p) => ({
    id: p.id ?? "",
    access: p.access ?? "allow",
    permissionGroups: idSet(p.permission_groups?.map((g) => g.id)),
    resourceGroups: idSet(p.resource_groups?.map((g) => g.id)),
  }));
  return {
    accountId,
    name: api.name,
    policies: policies.sort((a, b) => policyKey(a).localeCompare(policyKey(b))),
    createdOn: api.created_on ?? "",
    modifiedOn: api.modified_on ?? "",
  };
}

/**
 * The policies to send: a wanted policy equal to an existing one carries that policy's id, so
 * unchanged policies keep their ids; the rest go without one and get new ids.
 */
export function policiesToSend(wanted: PolicyInput[], existing: PolicyOutput[]) {
  const free = [...existing];
  return wanted.map((policy) => {
    const index = free.findIndex((old) => policyKey(old) === policyKey(policy));
    const reused = index >= 0 ? free.splice(index, 1)[0].id : undefined;
    return {
      ...(reused ? { id: reused } : {}),
      access: policy.access,
      permission_groups: idSet(policy.permissionGroups).map((id) => ({ id })),
      resource_groups: idSet(policy.resourceGroups).map((id) => ({ id })),
    };
  });
}
