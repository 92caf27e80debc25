/**
 * Reads the account's audit log (AUDIT-LOG-FACTS.md): v2 entries paged by hand on
 * `result_info.cursor`, v1 entries for the before and after values v2 lacks (fact 112), and the
 * id of the token this reads with. Read leniently: every field may be missing or `null`, enums
 * are open, `resource.response` may be anything (fact 111).
 */
import { z } from "zod";
import { apiPath, type CloudflareClient, listAllPages, optional, type ResultInfo, serverString } from "../provider/client";

/** One v2 entry (fact 108), only the fields attribution reads. */
export const auditEntrySchema = z.object({
  id: serverString,
  action: optional(z.object({ time: serverString, type: serverString, result: serverString })),
  actor: optional(
    z.object({
      // facts 109, 110: open enums (`api` is live but in no SDK; `delegated_service` is new).
      context: serverString,
      type: serverString,
      email: serverString,
      token_id: serverString,
      token_name: serverString,
      // A nested `token {id, name}` has been decoded by one client (Conflicts); read it as well.
      token: optional(z.object({ id: serverString, name: serverString })),
    }),
  ),
  raw: optional(z.object({ cf_ray_id: serverString, method: serverString, uri: serverString, user_agent: serverString })),
  resource: optional(z.object({ id: serverString, type: serverString, product: serverString })),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** fact 103: the largest page. */
const PAGE_LIMIT = 1000;
/** Only writes can be drift; a positive filter, built by hand as repeated keys (fact 105). */
const WRITES = ["create", "update", "delete"];

/** fact 101: the live cursor; fact 102: `cursors.after`, which the SDKs read, as a fallback. */
export const nextCursor = (info: ResultInfo | undefined): string | undefined => info?.cursor || info?.cursors?.after || undefined;

/** Every v2 entry from `since` to `before`, page after page until the cursor is empty. */
export async function listAuditEntries(client: CloudflareClient, accountId: string, since: Date, before: Date): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const { result, resultInfo } = await client.request({
      method: "GET",
      path: apiPath`/accounts/${accountId}/logs/audit`,
      schema: z
        .array(auditEntrySchema)
        .nullish()
        .transform((page) => page ?? []),
      // fact 100: both bounds are required, RFC3339.
      query: { since: since.toISOString(), before: before.toISOString(), action_type: WRITES, limit: PAGE_LIMIT, direction: "asc", cursor },
    });
    entries.push(...result);
    cursor = result.length ? nextCursor(resultInfo) : undefined;
  } while (cursor);
  return entries;
}

/** The id of the token the client sends (`GET /user/tokens/verify`). */
export async function ownTokenId(client: CloudflareClient): Promise<string | undefined> {
  return (await client.get("/user/tokens/verify", z.object({ id: serverString }))).id;
}

/** One v1 entry (fact 122): the object before and after, as JSON objects or as JSON strings. */
export const v1EntrySchema = z.object({
  id: serverString,
  when: serverString,
  resource: optional(z.object({ id: serverString })),
  oldValue: serverString,
  newValue: serverString,
  oldValueJson: z.unknown().optional(),
  newValueJson: z.unknown().optional(),
});
export type V1Entry = z.infer<typeof v1EntrySchema>;

/** Every v1 entry from `since` to `before`, page-numbered (fact 121: `per_page` up to 1000). */
export const listV1Entries = (client: CloudflareClient, accountId: string, since: Date, before: Date): Promise<V1Entry[]> =>
  listAllPages(client, apiPath`/accounts/${accountId}/audit_logs`, v1EntrySchema, 1000, { since: since.toISOString(), before: before.toISOString(), direction: "asc" });
