/**
 * `check`: validates inputs with zod and reports every failure with its property path and
 * the rule broken. Failures at or under a value that is still unknown (preview) are dropped.
 */
import type { z } from "zod";
import { unknownPaths } from "./unknown";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckOutcome<T> {
  inputs: T;
  failures: CheckFailure[];
}

/** `policies[0].permissionGroups[1]` */
export function propertyPath(path: (string | number)[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${key}` : key), "");
}

function isUnder(path: (string | number)[], prefix: (string | number)[]): boolean {
  // A key past the end of `path` is undefined, which no key of `prefix` is.
  return prefix.every((key, i) => path[i] === key);
}

export type Rule<T> = (inputs: T) => CheckFailure[];

/**
 * Parses `news` with `schema` (which applies defaults), then runs cross-field `rules` on the
 * parsed value. Unknown values pass through untouched.
 */
export function checkInputs<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, news: unknown, rules: Rule<T>[] = []): CheckOutcome<T> {
  const unknowns = unknownPaths(news);
  const parsed = schema.safeParse(news);
  if (parsed.success) {
    const failures = rules.flatMap((rule) => rule(parsed.data));
    return { inputs: parsed.data, failures };
  }
  const failures = parsed.error.issues
    .filter((issue) => !unknowns.some((u) => isUnder(issue.path, u)))
    .map((issue) => ({ property: propertyPath(issue.path) || "(inputs)", reason: issue.message }));
  return { inputs: news as T, failures };
}
