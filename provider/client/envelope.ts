/**
 * The Cloudflare v4 envelope `{success, errors, messages, result, result_info}`, stripped in one
 * place. Read leniently: `errors`, `messages` and `result_info` may be `null` or missing
 * (fact 4), and unknown extra fields are dropped.
 */
import { z } from "zod";
import type { CloudflareErrorDetail } from "./errors";
import { list, optional } from "./lenient";

const messageSchema = z.object({
  code: z.coerce.number(),
  message: z
    .string()
    .nullish()
    .transform((m) => m ?? ""),
  documentation_url: optional(z.string()),
  source: optional(z.object({ pointer: optional(z.string()) })),
});

// The audit log's `count` is a string in its spec and a number live (AUDIT-LOG-FACTS Conflicts).
const count = optional(z.coerce.number());
const resultInfoSchema = z.object({
  count,
  page: count,
  per_page: count,
  total_count: count,
  total_pages: count,
  /** fact 101: the audit log's live cursor; fact 102: the SDKs' `cursors.after`. */
  cursor: optional(z.string()),
  cursors: optional(z.object({ after: optional(z.string()) })),
});
export type ResultInfo = z.infer<typeof resultInfoSchema>;

const envelopeSchema = z.object({
  success: z.boolean(),
  errors: list(messageSchema),
  result: z.unknown().optional(),
  result_info: optional(resultInfoSchema),
});

export interface Unwrapped<T> {
  result: T;
  resultInfo?: ResultInfo;
}

/** Reads error details from any body, even one that is not a valid envelope. */
export function errorDetailsOf(body: unknown): CloudflareErrorDetail[] {
  const parsed = z.object({ errors: list(messageSchema) }).safeParse(body);
  return parsed.success ? parsed.data.errors : [];
}

export class EnvelopeError extends Error {}

/** Parses a result with `schema`; a shape it cannot read is an error that says where. */
export function parseResult<T>(value: unknown, schema: z.ZodType<T, z.ZodTypeDef, unknown>, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    // A failed parse always has at least one issue.
    const issue = result.error.issues[0];
    throw new EnvelopeError(`${what}: unexpected result shape at ${issue.path.join(".") || "result"}: ${issue.message}`);
  }
  return result.data;
}

/** The one place that strips the envelope: validates it, then parses `result` with `schema`. */
export function unwrap<T>(body: unknown, schema: z.ZodType<T, z.ZodTypeDef, unknown>, what: string): Unwrapped<T> {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new EnvelopeError(`${what}: the response is not a Cloudflare v4 envelope (${envelope.error.issues[0].message})`);
  }
  return { result: parseResult(envelope.data.result, schema, what), resultInfo: envelope.data.result_info };
}
