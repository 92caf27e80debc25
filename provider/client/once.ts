import type { CloudflareClient } from "./http";

/**
 * Memoises an account-wide list per API client and account, so it is read once per run however
 * many lookups ask for it (or once per `maxAgeMs`, for a list that must not grow stale). A failed
 * read is forgotten, so the next lookup tries again.
 */
export function oncePerAccount<T>(load: (client: CloudflareClient, accountId: string) => Promise<T>, maxAgeMs = Infinity) {
  const cache = new WeakMap<CloudflareClient, Map<string, { readAt: number; result: Promise<T> }>>();
  return (client: CloudflareClient, accountId: string): Promise<T> => {
    let byAccount = cache.get(client);
    if (!byAccount) {
      byAccount = new Map();
      cache.set(client, byAccount);
    }
    const now = Date.now();
    let entry = byAccount.get(accountId);
    if (!entry || now - entry.readAt >= maxAgeMs) {
      const fresh = { readAt: now, result: load(client, accountId) };
      fresh.result.catch(() => byAccount!.get(accountId) === fresh && byAccount!.delete(accountId));
      entry = fresh;
      byAccount.set(accountId, fresh);
    }
    return entry.result;
  };
}
