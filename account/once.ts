import { CloudflareClient } from "../provider/client";

/**
 * Memoises an account-wide list per API client and account, so it is read once per run however
 * many lookups ask for it. A failed read is forgotten, so the next lookup tries again.
 */
export function oncePerAccount<T>(load: (client: CloudflareClient, accountId: string) => Promise<T>) {
  const cache = new WeakMap<CloudflareClient, Map<string, Promise<T>>>();
  return (client: CloudflareClient, accountId: string): Promise<T> => {
    let byAccount = cache.get(client);
    if (!byAccount) cache.set(client, (byAccount = new Map()));
    let result = byAccount.get(accountId);
    if (!result) {
      result = load(client, accountId);
      result.catch(() => byAccount!.delete(accountId));
      byAccount.set(accountId, result);
    }
    return result;
  };
}
