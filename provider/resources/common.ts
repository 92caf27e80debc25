/** Schema pieces every resource shares. */
import { z } from "zod";
import { ConnectionError, ServerError } from "../client";

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

/**
 * Creates, and when the outcome is unknown looks for the object before trying again, so a lost
 * answer never makes a duplicate. (The client never retries a create by itself.)
 */
export async function createOnce<T>(create: () => Promise<T>, findCreated: () => Promise<T | undefined>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!mayHaveLanded(error) || attempt >= attempts) throw error;
      const found = await findCreated();
      if (found) return found;
    }
  }
}
