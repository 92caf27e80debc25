import { z } from "zod";
import { list, looseBoolean, optional } from "../../client";
import { accountId, cloudflareId } from "../common";

/** The prefix of Cloudflare's predefined resource groups' names (fact 9). */
const SYSTEM_NAME_PREFIX = "com.cloudflare.api.";

export const accountScopeKey = (account: string) => `com.cloudflare.api.account.${account}`;

/** A scope as a program writes it: `key` defaults to the account. */
export const scopeInput = z
  .object({
    key: z.string().min(1, "must not be empty").optional(),
    objects: z
      .array(z.object({ key: z.string().min(1, "must not be empty") }).strict())
      // fact 11: Cloudflare requires at least one object.
      .min(1, "must list at least one object: Cloudflare rejects a scope with no objects"),
  })
  .strict();
export type ScopeInput = z.output<typeof scopeInput>;

export interface Scope {
  key: string;
  objects: { key: string }[];
}

/** Objects are a set: sorted, duplicates dropped. */
export function canonicalScope(value: Partial<Scope> | undefined): Scope {
  return { key: value?.key ?? "", objects: [...new Set((value?.objects ?? []).map((o) => o.key))].sort().map((key) => ({ key })) };
}

export const scopeWithDefaultKey = (scope: ScopeInput, account: string): Scope => canonicalScope({ key: scope.key ?? accountScopeKey(account), objects: scope.objects });

export const inputsSchema = z
  .object({
    accountId,
    name: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .refine((name) => !name.startsWith(SYSTEM_NAME_PREFIX), `must not begin with ${SYSTEM_NAME_PREFIX}: Cloudflare reserves it for its system resource groups`),
    scope: scopeInput,
    adoptId: cloudflareId.optional(),
  })
  .strict()
  .transform((inputs) => ({ ...inputs, scope: scopeWithDefaultKey(inputs.scope, inputs.accountId) }));

export type ResourceGroupInputs = z.output<typeof inputsSchema>;

export interface ResourceGroupOutputs {
  accountId: string;
  name: string;
  scope: Scope;
  /** One of Cloudflare's predefined, non-editable groups: referenced, never adopted or deleted. */
  system: boolean;
}

const apiScopeShape = z.object({ key: optional(z.string()), objects: list(z.object({ key: z.string() })) });

/** fact 11: an object in practice; older references answer a list of scopes. Both are read. */
export const apiScope = z
  .union([z.array(apiScopeShape), apiScopeShape])
  .nullish()
  .transform((scope) => (Array.isArray(scope) ? scope[0] : scope) ?? undefined);

export const apiResourceGroup = z.object({
  id: z.string(),
  name: optional(z.string()),
  scope: apiScope,
  // fact 9: `{editable: "false"}` in practice; the spec's `{key, value}` is read too.
  meta: optional(z.object({ editable: looseBoolean, key: optional(z.string()), value: optional(z.string()) })),
});
export type ApiResourceGroup = z.infer<typeof apiResourceGroup>;

/** fact 9: Cloudflare's predefined groups are named `com.cloudflare.api.account.*` and not editable. */
export function isSystemResourceGroup(api: Pick<ApiResourceGroup, "name" | "meta">): boolean {
  const meta = api.meta;
  const notEditable = meta?.editable === false || (meta?.key === "editable" && meta.value === "false");
  return notEditable || (api.name ?? "").startsWith(SYSTEM_NAME_PREFIX);
}

export function toOutputs(account: string, api: ApiResourceGroup): ResourceGroupOutputs {
  return { accountId: account, name: api.name ?? "", scope: canonicalScope(api.scope), system: isSystemResourceGroup(api) };
}
