/**
 * How responses are read: leniently. The real API sends `null` for absent values, leaves out
 * empty lists, adds fields over time and grows server-owned enums, so a field we do not use
 * never fails a call (zod strips unknown keys) and these helpers make the ones we do use
 * tolerant. Requests stay strict: they are built from validated inputs, never from these.
 */
import { z } from "zod";

/** Present, `null` or missing: `null` reads as absent. */
export const optional = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform((value): z.output<T> | undefined => value ?? undefined);

/** A list that may be `null` or missing, which means empty (facts 8 and 28). */
export const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items): z.output<T>[] => items ?? []);

/** A server-owned enum: an unknown value is kept as it is, never a parse failure. */
export const serverString = optional(z.string());

/** `"false"`, `false`, `"true"`, `true`: the API sends some booleans as strings (fact 5). */
export const looseBoolean = optional(z.union([z.boolean(), z.string().transform((s) => s.trim().toLowerCase() !== "false")]));
