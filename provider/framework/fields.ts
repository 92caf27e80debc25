/**
 * The `fields` table of a resource definition: how each input is compared, whether a change
 * replaces the object, and whether an update leaves it as it was. Typed against the inputs, so
 * an input missing from the table, or a misspelt key, fails to compile instead of never diffing.
 */
import { containsUnknown } from "./unknown";
import { deepEqual } from "./values";

export interface FieldRule {
  /** A change replaces the object instead of updating it (always, or when the test says so). */
  // biome-ignore lint/suspicious/noExplicitAny: each resource types its callbacks by its own input; `unknown` here would refuse them (parameters are contravariant)
  replace?: boolean | ((previous: any, next: any) => boolean);
  /** The comparable form of the value, the same for inputs and outputs (sets sorted, defaults filled). */
  // biome-ignore lint/suspicious/noExplicitAny: as for `replace`, the callback takes the field's own type
  canonical?: (value: any) => unknown;
  /** An update never changes this output, so dependents' previews keep knowing it (the diff's `stables`). */
  stable?: boolean;
  /** Read by create alone; a later change does nothing to the object, so it is never a diff. */
  createOnly?: boolean;
  /** Compared only when the new inputs manage it: one of two mirrored dimensions (fact 62). */
  // biome-ignore lint/suspicious/noExplicitAny: as for `replace`, the callback takes the resource's own inputs
  managedWhen?: (inputs: any) => boolean;
}

/** Every input but `adoptId` (which only steers create), each exactly once. */
export type Fields<Inputs> = { [K in keyof Omit<Inputs, "adoptId">]-?: FieldRule };

type Table = Record<string, FieldRule>;
const valueAt = (values: object, key: string) => (values as Record<string, unknown>)[key];

/** The value in the form that is compared. */
export function canonicalOf(rule: FieldRule, value: unknown): unknown {
  return rule.canonical ? rule.canonical(value) : value;
}

export function replacesOn(rule: FieldRule | undefined, olds: object, news: object, key: string): boolean {
  if (typeof rule?.replace !== "function") return rule?.replace === true;
  return rule.replace(valueAt(olds, key), valueAt(news, key));
}

/** The user-controlled fields whose canonical forms differ; an unknown value counts as a change. */
export function changedFields(fields: Table, olds: object, news: object): string[] {
  return Object.entries(fields)
    .filter(([key, rule]) => {
      if (rule.createOnly || rule.managedWhen?.(news) === false) return false;
      const next = valueAt(news, key);
      return containsUnknown(next) || !deepEqual(canonicalOf(rule, next), canonicalOf(rule, valueAt(olds, key)));
    })
    .map(([key]) => key);
}

/** The outputs an in-place update leaves as they are. */
export function stableFields(fields: Table): string[] {
  return Object.entries(fields)
    .filter(([, rule]) => rule.stable)
    .map(([key]) => key);
}
