/** Walks page-numbered list endpoints to the end, at the largest page size each one accepts. */
import type { z } from "zod";
import type { ResultInfo } from "./envelope";
import type { CloudflareClient, Query } from "./http";
import { list } from "./lenient";

/**
 * The largest `per_page` of each page-numbered list (facts 1, 15, 27 and 49). Roles: the
 * reference page says at most 50; Terraform's tests ask 100 (fact 74); 50 suits both.
 */
export const PAGE_SIZE = {
  permissionGroups: 50,
  userGroups: 500,
  userGroupMembers: 500,
  accountMembers: 50,
  roles: 50,
} as const;

/** Without `result_info` (fact 4), a short page is the last one. */
export function hasMorePages(page: number, received: number, info: ResultInfo | undefined, perPage: number): boolean {
  if (received === 0) return false;
  if (info?.total_pages !== undefined) return page < info.total_pages;
  if (info?.total_count !== undefined) return page * (info.per_page ?? perPage) < info.total_count;
  return received >= perPage;
}

export async function listAllPages<T>(client: CloudflareClient, path: string, itemSchema: z.ZodType<T, z.ZodTypeDef, unknown>, perPage: number, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const { result, resultInfo } = await client.request({
      method: "GET",
      path,
      // `result: null` is an empty page (fact 28).
      schema: list(itemSchema),
      query: { ...query, page, per_page: perPage },
    });
    items.push(...result);
    if (!hasMorePages(page, result.length, resultInfo, perPage)) return items;
  }
}
