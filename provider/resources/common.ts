/** Schema pieces and the create recovery every resource shares. */
import { z } from "zod";
import { ConnectionError, ServerError } from "../client";
import { ProviderError } from "../framework/errors";

export const cloudflareId = z.string().regex(/^[0-9a-f]{32}$/, "must be a Cloudflare id: 32 lowercase hex characters");

export const accountId = cloudflareId;

/** Set-like lists are compared as sets: sorted, duplicates dropped. */
export const idSet = <T extends string>(values: readonly T[] | undefined): T[] => [...new Set(values ?? [])].sort();

/**
 * A set-valued input: stored sorted and de-duplicated, so that state never depends on the
 * order a program (or the server) lists it in.
 */
export const setOf = <T extends z.ZodTypeAny>(item: T) => z.array(item).transform((values) => idSet(values as string[]) as z.output<T>[]);

/** A write that got no answer, or a 5xx, may still have landed on the server. */
export function mayHaveLanded(error: unknown): boolean {
  return (error instanceof ConnectionError && error.mayHaveApplied) || error instanceof ServerError;
}

/** How far the server's clock may be behind ours when we ask "was this made after we asked?". */
const CLOCK_SKEW_MS = 60_000;

/** Whether a server timestamp shows the object was made at or after `startedAt` (ours). Unknown: no. */
export function createdSince(timestamp: string | undefined, startedAt: number): boolean {
  const created = Date.parse(timestamp ?? "");
  return Number.isFinite(created) && created >= startedAt - CLOCK_SKEW_MS;
}

export interface Recovery<T> {
  /** "user group \"SRE\"": the object the create was making, for messages. */
  subject: string;
  /**
   * The objects that can only be the one an unanswered create made: exactly its natural key,
   * and provably new (made since the create began, or absent before it).
   */
  candidates(): Promise<T[]>;
  idOf(candidate: T): string;
  /** An answer meaning "it exists already": after an unanswered try, that try landed. */
  alreadyExists?(error: unknown): boolean;
}

/**
 * Creates, and when the outcome is unknown (no answer, or a 5xx) looks for the object before
 * trying again, so a lost answer never makes a duplicate and recovery never takes an object
 * that is not provably its own. One candidate is the object; several fail, naming them; none
 * means the try did not land, so it is tried again (at most `attempts` times in all).
 */
export async function createOnce<T>(create: () => Promise<T>, recovery: Recovery<T>, attempts = 4): Promise<T> {
  let unanswered = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const earlierTryLanded = unanswered > 0 && recovery.alreadyExists?.(error) === true;
      if (!mayHaveLanded(error) && !earlierTryLanded) throw error;
      unanswered++;
      const found = await recovery.candidates();
      if (found.length === 1) return found[0];
      if (found.length > 1) {
        throw new ProviderError(
          `the create of ${recovery.subject} got no answer, and ${found.length} new objects now match it (${found.map(recovery.idOf).join(", ")}); ` +
            "recovery takes only an object it can tell is its own: delete the extra ones, or adopt one with adoptId",
        );
      }
      if (earlierTryLanded) {
        throw new ProviderError(
          `the create of ${recovery.subject} got no answer; Cloudflare now says it exists, but no new object matches it exactly: ${(error as Error).message}`,
        );
      }
      if (attempt >= attempts) {
        throw new ProviderError(`the create of ${recovery.subject} got no answer ${attempts} times, and nothing was created: ${(error as Error).message}`);
      }
    }
  }
}
