/** Small pure helpers for canonical forms: deep equality, no undefined. */

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonicalJson(a)) === JSON.stringify(canonicalJson(b));
}

/** Object keys sorted, undefined dropped: the same value always serialises the same way. */
function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonicalJson(v)]),
    );
  }
  return value;
}

/** The engine rejects `undefined` anywhere in outputs; this removes it, recursively. */
export function withoutUndefined<T>(value: T): T {
  return canonicalJson(value) as T;
}
