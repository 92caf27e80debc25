/**
 * fact 37: a just-created user group's `/members` answers 404 for a short while. The groups
 * this process created are tried on a schedule of their age, and what one group's wait taught
 * spares the next groups the same 404s: a group is first tried at the age step past the longest
 * any earlier group of this process was still invisible. bench/propagation.js measures the
 * requests this costs per member set (docs/performance.md).
 */

/** The ages (ms since the create was answered) at which a group's members are tried; the last is the give-up age. */
export const AGE_STEPS_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000];

const madeAt = new Map<string, number>();
/** The oldest age at which a group of this process answered 404 and then became visible; -1 before any. */
let longestInvisibleAge = -1;

/** A user group this process has just created (its create answered now). */
export function noteCreatedGroup(groupId: string, at: number = Date.now()): void {
  madeAt.set(groupId, at);
}

/** The group is deleted: a 404 of its members means gone again, asked of the group as for any other. */
export function forgetCreatedGroup(groupId: string): void {
  madeAt.delete(groupId);
}

/** When this process created the group, or undefined when it did not. */
export function createdAt(groupId: string): number | undefined {
  return madeAt.get(groupId);
}

/**
 * When to try the members of a group made at `made`: at once while nothing is known; otherwise
 * at the first age step past both the group's own last 404 (`invisibleAge`, -1 before any) and
 * the longest wait an earlier group needed. Infinity once past the last step.
 */
export function nextTryAt(made: number, invisibleAge: number): number {
  const floor = Math.max(invisibleAge, longestInvisibleAge);
  if (floor < 0) return made;
  return made + (AGE_STEPS_MS.find((step) => step > floor) ?? Infinity);
}

/** A group of this process became visible after answering 404 at `invisibleAge`. */
export function learnInvisibleAge(invisibleAge: number): void {
  longestInvisibleAge = Math.max(longestInvisibleAge, invisibleAge);
}
