/**
 * During preview, inputs that depend on other resources' outputs arrive at a dynamic provider
 * as this sentinel string. Validation and diffing skip what is not yet known.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** Paths (as arrays of keys) of every unknown value inside `value`. */
export function unknownPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === UNKNOWN) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownPaths(v, [...at, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, [...at, k]));
  return [];
}
