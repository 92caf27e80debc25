/** The report as Markdown and JSON; names from the account and the audit log stay data. */

import { driftReport } from "../../drift/drift";
import { driftJson, driftMarkdown, NO_DRIFT, subjectOf } from "../../drift/report";
import { ACCOUNT, alice, entry, scim, userGroup } from "../support/drift";

const names = { permissionGroup: String, resourceGroup: String, member: String, userGroup: () => undefined };
const now = new Date("2026-12-02T12:00:00Z");
const hostile = "eve`</code><img src=x onerror=alert(1)>\n@everyone [link](https://evil.example)\u202e";

it("writes each resource's changes and who made them, names as code spans", () => {
  const report = driftReport([userGroup()], names, { entries: [entry(alice)], v1: [], stackTokenIds: [], accountId: ACCOUNT }, now);
  expect(driftMarkdown(report)).toBe(
    [
      "### Drift: 1 resource changed outside Pulumi",
      "",
      "- user group `SRE`: renamed to `SRE-old`",
      "  - by `alice@example.com` in the dashboard, 2026-12-02 11:00:00 UTC, ray `8f2c1a2b3c4d5e6f-SJC`",
      "",
    ].join("\n"),
  );
  expect(driftMarkdown({ items: [], notes: [] })).toBe(`${NO_DRIFT}\n`);
});

it("hostile names, token names and emails cannot open HTML, mention, link or break a line", () => {
  const group = userGroup({ name: hostile });
  const report = driftReport([group], names, { entries: [entry({ ...scim, token_name: hostile, email: hostile })], v1: [], stackTokenIds: [], accountId: ACCOUNT }, now);
  const markdown = driftMarkdown(report);
  expect(markdown.split("\n")).toHaveLength(5);
  expect(markdown).toContain("``eve`</code><img src=x onerror=alert(1)>⟨U+000A⟩@everyone [link](https://evil.example)⟨U+202E⟩``");
  expect(markdown.replace(/``[^\n]*?``/g, "")).not.toMatch(/<img|@everyone|\]\(/);
  expect(driftJson(report)[0].changedBy?.tokenName).toBe(hostile);
});

it("JSON: the documented fields, and a shared note on every item", () => {
  const report = driftReport([userGroup()], names, { unavailable: ["needs Account Settings Read"] }, now);
  expect(driftJson(report)).toEqual([
    {
      urn: userGroup().urn,
      type: userGroup().type,
      name: "r",
      id: userGroup().id,
      changes: [{ property: "name", before: "SRE", after: "SRE-old" }],
      changedBy: null,
      note: "needs Account Settings Read",
    },
  ]);
  expect(driftMarkdown(report).split("\n")[2]).toBe("needs Account Settings Read");
});

it("names members by their group's name in the stack", () => {
  const members = { ...userGroup(), kind: "UserGroupMembers" as const, stack: { userGroupId: "g1" } };
  expect(subjectOf(members, (id) => (id === "g1" ? "SRE" : undefined))).toEqual(["members of user group ", { name: "SRE" }]);
});
