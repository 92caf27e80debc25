/** Who changed it, or what is not known, said plainly (facts 109, 110, 114, 115). */
import fc from "fast-check";
import { plain } from "../../access/text";
import { auditEntrySchema } from "../../account/audit-log";
import { attribute, changedByOf, who } from "../../drift/attribute";
import { entry as variant } from "../support/audit-log-variants";
import { alice, entry, STACK_TOKEN, scim, stackToken, userGroup } from "../support/drift";

const now = new Date("2026-12-02T12:00:00Z");
const group = userGroup();
const note = (a: ReturnType<typeof attribute>) => (a.note ? plain(a.note) : undefined);

it("names the one actor, with channel, time and ray id", () => {
  expect(attribute(group, [entry(alice)], [STACK_TOKEN], now)).toEqual({
    changedBy: { email: "alice@example.com", tokenName: null, channel: "dashboard", time: "2026-12-02T11:00:00Z", rayId: "8f2c1a2b3c4d5e6f-SJC" },
  });
});

it("leaves the stack's own token out, and says so when only it changed the resource", () => {
  expect(attribute(group, [entry(stackToken), entry(alice)], [STACK_TOKEN], now).changedBy?.email).toBe("alice@example.com");
  const own = attribute(group, [entry(stackToken)], [STACK_TOKEN], now);
  expect([own.changedBy, note(own)]).toEqual([null, "by this stack's token, outside a Pulumi run, 2026-12-02 11:00:00 UTC, ray 8f2c1a2b3c4d5e6f-SJC"]);
});

it("several candidates from different actors: names none, lists each", () => {
  const several = attribute(group, [entry(alice), entry(scim)], [], now);
  expect(several.changedBy).toBeNull();
  expect(note(several)).toBe(
    "several candidate entries, from different actors: by alice@example.com in the dashboard, 2026-12-02 11:00:00 UTC, ray 8f2c1a2b3c4d5e6f-SJC; " +
      "by API token Okta SCIM Provisioning, 2026-12-02 11:00:00 UTC, ray 8f2c1a2b3c4d5e6f-SJC",
  );
  const same = attribute(group, [entry(alice), entry(alice, { action: { time: "2026-12-02T11:30:00Z", type: "update" } })], [], now);
  expect([same.changedBy?.time, note(same)]).toEqual(["2026-12-02T11:30:00Z", "2 changes by this actor since the stack last wrote it; the latest is shown"]);
});

it("fact 114: a change less than 8 minutes old is not in the audit log yet, with when to run again", () => {
  const recent = userGroup({ name: "SRE-old", modifiedOn: "2026-12-02T11:55:30Z" });
  expect(note(attribute(recent, [], [], now))).toBe("not in the audit log yet; entries arrive up to 8 minutes after a change; run again after 12:04 UTC");
  const old = userGroup({ name: "SRE-old", modifiedOn: "2026-12-02T11:00:00Z" });
  expect(note(attribute(old, [], [], now))).toBe("no audit-log entry for this change, made at 2026-12-02 11:00:00 UTC: it is not logged");
  expect(note(attribute(group, [], [], now))).toBe(
    "no audit-log entry since the stack last wrote it (2026-12-02 10:00:00 UTC); if the change is less than 8 minutes old, it is not in the audit log yet: run again after 12:08 UTC",
  );
});

it("fact 115: a change older than the 18 months the log keeps is said to be", () => {
  const ancient = userGroup({ name: "SRE-old", modifiedOn: "2025-05-01T00:00:00Z" });
  expect(note(attribute(ancient, [], [], now))).toBe("changed at 2025-05-01 00:00:00 UTC, longer ago than the audit log keeps entries (18 months)");
});

it.each([
  [{ context: "api", type: "user", email: "ops@example.com" }, "API", "by ops@example.com through API"],
  [{ context: "api_key", type: "user", email: "ops@example.com" }, "API key", "by ops@example.com through API key"],
  [{ context: "oauth", type: "user", email: "ops@example.com", token_name: "Terraform Cloud" }, "OAuth", "through OAuth app Terraform Cloud for ops@example.com"],
  [{ context: "api_token", type: "cloudflare_admin" }, "Cloudflare", "by Cloudflare itself"],
  [{ context: "a_new_context", type: "delegated_service" }, "a_new_context", "through a_new_context"],
  [{ context: "api_token", type: "account", token: { id: "t", name: "nested" } }, "API token", "by API token nested"],
])("facts 109 and 110: %j reads as channel %s", (actor, channel, words) => {
  const by = changedByOf(entry(actor));
  expect([by.channel, plain(who(by))]).toEqual([channel, words]);
});

it("fact 125: a write through a SCIM path is SCIM's", () => {
  const by = changedByOf(entry(scim, { raw: { method: "PATCH", uri: "/accounts/023e105f4ecef8ad9ca31a8372d0c353/scim/v2/Groups/0a1b" } }));
  expect([by.channel, plain(who(by))]).toEqual(["SCIM", "by SCIM, with token Okta SCIM Provisioning"]);
});

describe("facts 112 and 122: v1's before and after values", () => {
  const bob = { context: "dash", type: "user", email: "bob@example.com" };
  const renamed = entry(alice, { id: "a" });
  const resent = entry(bob, { id: "b", action: { time: "2026-12-02T11:10:00Z", type: "update" } });
  const v1 = [
    { id: "a", oldValueJson: { name: "SRE", policies: [] }, newValueJson: { name: "SRE-old", policies: [] } },
    // Bob's PUT sent the policies as they were: it changed nothing that drifted.
    { id: "b", oldValue: JSON.stringify({ name: "SRE-old", policies: [] }), newValue: JSON.stringify({ name: "SRE-old", policies: [] }) },
  ];

  it("leave out an actor whose entry changed none of the drifted properties", () => {
    const narrowed = attribute(group, [renamed, resent], [], now, { v1, properties: ["name"] });
    expect([narrowed.changedBy?.email, note(narrowed)]).toEqual([
      "alice@example.com",
      "1 other entry touched it without changing what drifted (the v1 audit log's before and after values)",
    ]);
  });

  it("keep every candidate whose values are not known, or that changed a drifted property", () => {
    expect(attribute(group, [renamed, resent], [], now, { v1: [v1[0]], properties: ["name"] }).changedBy).toBeNull();
    const bobChanged = [v1[0], { id: "b", when: "x", oldValueJson: { name: "SRE-old" }, newValueJson: { name: "SRE-bob" } }];
    expect(attribute(group, [renamed, resent], [], now, { v1: bobChanged, properties: ["name"] }).changedBy).toBeNull();
  });

  it("read a group's members as memberIds", () => {
    const members = [
      { id: "a", oldValueJson: { name: "SRE", members: { m1: "t" } }, newValueJson: { name: "SRE", members: {} } },
      { id: "b", oldValueJson: { name: "SRE", members: {} }, newValueJson: { name: "SRE-bob", members: {} } },
    ];
    expect(attribute(group, [renamed, resent], [], now, { v1: members, properties: ["memberIds"] }).changedBy?.email).toBe("alice@example.com");
  });

  it("find an entry's v1 twin by the same time and resource id when ids differ", () => {
    const byTime = [
      { ...v1[0], id: "other", when: "2026-12-02T11:00:00Z", resource: { id: renamed.resource!.id } },
      { ...v1[1], id: "other-b", when: "2026-12-02T11:10:00Z", resource: { id: renamed.resource!.id } },
    ];
    expect(attribute(group, [renamed, resent], [], now, { v1: byTime, properties: ["name"] }).changedBy?.email).toBe("alice@example.com");
  });
});

it("attributes any generated mix of entries without failing, whatever their times, contexts and fields", () => {
  fc.assert(
    fc.property(fc.array(variant, { maxLength: 4 }), (raw) => {
      const entries = raw.map((e) => auditEntrySchema.parse(e));
      const result = attribute(group, entries, [STACK_TOKEN], now);
      if (result.changedBy) expect(typeof result.changedBy.channel).toBe("string");
      if (result.note) expect(plain(result.note)).not.toBe("");
    }),
    { numRuns: 500 },
  );
});
