/**
 * The audit log's reader: generated variants of the facts' shapes all parse (nulls, missing and
 * unknown fields, open enums, `resource.response` as anything, `count` as a string or a number,
 * either cursor field), the pages are walked by hand to the last one, and v1 is read with its values.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { z } from "zod";
import { auditEntrySchema, listAuditEntries, listV1Entries, nextCursor } from "../../account/audit-log";
import { startEmulator } from "../../emulator";
import { CloudflareClient, unwrap } from "../../provider/client";
import { entry, text, withMaybe } from "../support/audit-log-variants";

const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";

it("parses every generated variant of an entry, reading what it holds and null as absent", () => {
  fc.assert(
    fc.property(entry, (raw) => {
      const parsed = auditEntrySchema.parse(raw);
      const actor = (raw as { actor?: Record<string, unknown> | null }).actor;
      expect(parsed.actor?.context).toBe(actor?.context ?? undefined);
      expect(parsed.actor?.type).toBe(actor?.type ?? undefined);
      expect(parsed).not.toHaveProperty("unknown_field");
    }),
    { numRuns: 500 },
  );
});

it("Conflicts, facts 101 and 102: count as a string or a number, and either cursor field, name the next page", () => {
  const info = withMaybe({
    count: fc.oneof(fc.nat().map(String), fc.nat()),
    cursor: fc.string({ minLength: 1, maxLength: 8 }),
    cursors: withMaybe({ after: fc.string({ minLength: 1, maxLength: 8 }), before: text }),
  });
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 3 }), info, (page, resultInfo) => {
      const body = { success: true, errors: [], messages: [], result: page, result_info: resultInfo };
      const { resultInfo: read } = unwrap(body, auditEntrySchema.array(), "GET /logs/audit");
      const sent = resultInfo as { cursor?: string | null; cursors?: { after?: string | null } | null; count?: unknown };
      expect(nextCursor(read)).toBe(sent.cursor || sent.cursors?.after || undefined);
      expect(read?.count).toBe(sent.count === undefined || sent.count === null ? undefined : Number(sent.count));
    }),
    { numRuns: 300 },
  );
});

describe("paging", () => {
  const requests: URLSearchParams[] = [];
  let baseUrl: string;
  let close: () => void;
  const pages: Record<string, { result: unknown[] | null; result_info: Record<string, unknown> }> = {
    "": { result: [{ id: "1" }], result_info: { count: "1", cursor: "page-2" } },
    "page-2": { result: [{ id: "2" }], result_info: { count: 1, cursors: { after: "page-3" } } },
    "page-3": { result: [{ id: "3" }], result_info: { count: 1, cursor: "" } },
  };

  beforeAll(async () => {
    const server = createServer((req, res) => {
      const query = new URL(req.url!, "http://x").searchParams;
      requests.push(query);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ success: true, errors: [], messages: [], ...pages[query.get("cursor") ?? ""] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("facts 100, 101 and 105: walks the cursor to its empty end, with both bounds and a positive filter as repeated keys", async () => {
    const since = new Date("2026-12-01T00:00:00Z");
    const before = new Date("2026-12-02T00:00:00Z");
    const entries = await listAuditEntries(new CloudflareClient({ baseUrl, token: "t" }), ACCOUNT, since, before);
    expect(entries.map((e) => e.id)).toEqual(["1", "2", "3"]);
    expect(requests.map((q) => q.get("cursor"))).toEqual([null, "page-2", "page-3"]);
    expect(requests[0].getAll("action_type")).toEqual(["create", "update", "delete"]);
    expect([requests[0].get("since"), requests[0].get("before")]).toEqual([since.toISOString(), before.toISOString()]);
  });
});

it("facts 121 and 122: reads v1 entries with their before and after values, from the emulator", async () => {
  const emulator = await startEmulator({ rateLimit: false });
  try {
    const client = new CloudflareClient({ baseUrl: emulator.baseUrl, token: emulator.token });
    const made = await client.post(`/accounts/${emulator.accountId}/iam/user_groups`, { name: "v1" }, z.object({ id: z.string() }));
    await client.put(`/accounts/${emulator.accountId}/iam/user_groups/${made.id}`, { name: "v1 renamed" }, z.unknown());
    const entries = await listV1Entries(client, emulator.accountId, new Date(Date.now() - 60_000), new Date(Date.now() + 60_000));
    expect(entries.map((e) => [e.oldValueJson && (e.oldValueJson as { name: string }).name, (e.newValueJson as { name: string }).name])).toEqual([
      [null, "v1"],
      ["v1", "v1 renamed"],
    ]);
  } finally {
    await emulator.close();
  }
});
