/**
 * The Cloudflare v4 envelope `{success, errors, messages, result, result_info}`.
 * Unknown extra fields are tolerated (zod strips them): the real API adds fields over time.
 */
import { z } from "zod";
import { CloudflareErrorDetail } from "./errors";

const messageSchema = z.object({
  code: z.number(),
  message: z.string(),
  documentation_url: z.string().optional(),
  source: z.object({ pointer: z.string().optional() }).optional(),
});

const resultInfoSchema = z.object({
  count: z.number().optional(),
  page: z.number().optional(),
  per_page: z.number().optional(),
  total_count: z.number().optional(),
  total_pages: z.number().optional(),
});
export type ResultInfo = z.infer<typeof resultInfoSchema>;

const envelopeSchema = z.object({
  success: z.boolean(),
  errors: z.array(messageSchema).default([]),
  messages: z.array(messageSchema).optional(),
  result: z.unknown().optional(),
  result_info: resultInfoSchema.optional(),
});

export interface Unwrapped<T> {
  result: T;
  resultInfo?: ResultInfo;
}

/** Reads error details from any body, even one that is not a valid envelope. */
export function errorDetailsOf(body: unknown): CloudflareErrorDetail[] {
  const parsed = z.object({ errors: z.array(messageSchema) }).safeParse(body);
  return parsed.success ? parsed.data.errors : [];
}

export class EnvelopeError extends Error {}

/** The one place that strips the envelope: validates it, then parses `result` with `schema`. */
export function unwrap<T>(body: unknown, schema: z.ZodType<T, z.ZodTypeDef, unknown>, what: string): Unwrapped<T> {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new EnvelopeError(`${what}: the response is not a Cloudflare v4 envelope (${envelope.error.issues[0]?.message})`);
  }
  const result = schema.safeParse(envelope.data.result);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EnvelopeError(`${what}: unexpected result shape at ${issue?.path.join(".") || "result"}: ${issue?.message}`);
  }
  return { result: result.data, resultInfo: envelope.data.result_info };
}
