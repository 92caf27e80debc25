/** Walks page-numbered list endpoints to the end, with the largest page size the API takes. */
import { z } from "zod";
import { ResultInfo } from "./envelope";
import { CloudflareClient, Query } from "./http";

/** The largest `per_page` the IAM list endpoints accept (an assumption the README records). */
export const MAX_PAGE_SIZE = 50;

export function hasMorePages(page: number, received: number, info: ResultInfo | undefined, perPage: number): boolean {
  if (received === 0) return false;
  if (info?.total_pages !== undefined) return page < info.total_pages;
  if (info?.total_count !== undefined) return page * (info.per_page ?? perPage) < info.total_count;
  return received >= perPage;
}

export async function listAllPages<T>(
  client: CloudflareClient,
  path: string,
  itemSchema: z.ZodType<T, z.ZodTypeDef, unknown>,
  query: Query = {},
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const { result, resultInfo } = await client.request({
      method: "GET",
      path,
      schema: z.array(itemSchema),
      query: { ...query, page, per_page: MAX_PAGE_SIZE },
    });
    items.push(...result);
    if (!hasMorePages(page, result.length, resultInfo, MAX_PAGE_SIZE)) return items;
  }
}
