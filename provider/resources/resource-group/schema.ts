import { z } from "zod";
import { accountId, cloudflareId } from "../common";

export const inputsSchema = z
  .object({
    accountId,
    name: z.string().trim().min(1, "must not be empty"),
    scope: z
      .object({
        key: z.string().min(1, "must not be empty").optional(),
        objects: z
          .array(z.object({ key: z.string().min(1, "must not be empty") }).strict())
          .min(1, "must list at least one object: Cloudflare rejects a scope with no objects"),
      })
      .strict(),
    adoptId: cloudflareId.optional(),
  })
  .strict()
  .transform((inputs) => ({
    ...inputs,
    // The account itself is the usual scope, so it is the default.
    scope: canonicalScope({ key: inputs.scope.key ?? `com.cloudflare.api.account.${inputs.accountId}`, objects: inputs.scope.objects })!,
  }));

export type ResourceGroupInputs = z.output<typeof inputsSchema>;

export interface ResourceGroupOutputs {
  accountId: string;
  name: string;
  scope: { key: string; objects: { key: string }[] };
}

const scope = z.object({ key: z.string(), objects: z.array(z.object({ key: z.string() })) });

/** The reference answers with a list of scopes, the SDK types one object: both are accepted. */
export const apiResourceGroup = z.object({
  id: z.string(),
  name: z.string().optional(),
  scope: z.union([z.array(scope), scope]).transform((s) => (Array.isArray(s) ? s[0] : s)),
});
export type ApiResourceGroup = z.infer<typeof apiResourceGroup>;

export function canonicalScope(value: ResourceGroupOutputs["scope"] | undefined) {
  return value && { key: value.key, objects: [...new Set(value.objects.map((o) => o.key))].sort().map((key) => ({ key })) };
}

export function toOutputs(accountId: string, api: ApiResourceGroup): ResourceGroupOutputs {
  return { accountId, name: api.name ?? "", scope: canonicalScope(api.scope)! };
}
