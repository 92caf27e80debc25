/**
 * v1's before and after values (facts 112, 122): which properties an entry really changed, so
 * that of several entries on one object, those that changed none of the drifted properties are
 * not candidates. An entry whose values cannot be read stays a candidate: nothing is guessed.
 */
import type { AuditEntry, V1Entry } from "../account/audit-log";

/** A property's key in the API's JSON: snake case; a group's members are its `members`. */
const apiKey = (property: string) => (property === "memberIds" ? "members" : property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

function parsed(json: unknown, text: string | undefined): Record<string, unknown> | undefined {
  if (json && typeof json === "object" && !Array.isArray(json)) return json as Record<string, unknown>;
  if (json === null || text === "") return {};
  try {
    const value: unknown = text === undefined ? undefined : JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The v1 entry of a v2 entry: the same id, else the same time and resource id (whether ids are shared is unknown). */
export function twinOf(entry: AuditEntry, v1: V1Entry[]): V1Entry | undefined {
  return (
    v1.find((e) => e.id !== undefined && e.id === entry.id) ??
    v1.find((e) => e.when !== undefined && e.when === entry.action?.time && e.resource?.id !== undefined && e.resource.id === entry.resource?.id)
  );
}

/** Whether the entry changed any of `properties`; `undefined` when its values are not known. */
export function changedAny(entry: AuditEntry, v1: V1Entry[], properties: string[]): boolean | undefined {
  const twin = twinOf(entry, v1);
  const before = twin && parsed(twin.oldValueJson, twin.oldValue);
  const after = twin && parsed(twin.newValueJson, twin.newValue);
  if (!before || !after) return undefined;
  return properties.some((p) => JSON.stringify(before[apiKey(p)]) !== JSON.stringify(after[apiKey(p)]));
}
