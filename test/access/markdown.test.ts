/**
 * The review's Markdown cannot be steered by a name: with hostile names in every field, the
 * rendered comment (markdown-it, raw HTML on, GFM autolinks) holds only the template's own
 * elements, shows every risk line in order, and no name breaks a line, links or mentions.
 */
import { compareAccess, emptyReview, type Review } from "../../access/compare";
import { literal } from "../../access/inert";
import { personLines, reviewMarkdown } from "../../access/markdown";
import { defaultRiskRules } from "../../access/risk";
import { name, text } from "../../access/text";
import type { AccountSnapshot, SnapshotPolicy } from "../../account/snapshot";
import { forHostileNames, hostileReview, NAME_COUNT } from "../support/hostile";
import { allTokens, diffLines, expectedText, listItems, renderInert } from "../support/markdown";

/** Every list line of the review as the reader should see it: risks, then changes, then notes. */
function expectedItems(review: Review): string[] {
  const changes = [...review.groups, ...review.resourceGroups, ...review.oauthClients, ...review.ssoConnectors];
  return [
    ...review.risks.map((r) => `⚠️ ${expectedText(r.message)}`),
    ...changes.map((c) => `${expectedText(c.subject)}: ${expectedText(c.change)}`),
    ...review.notes.map(expectedText),
  ];
}

it("renders hostile names in every field as text: only the template's elements, every line shown in order", () => {
  forHostileNames(NAME_COUNT, 100, (names) => {
    const review = hostileReview(names);
    expect(new Set(review.risks.map((r) => r.kind))).toEqual(
      new Set(["not-reviewed", "administrator", "account-wide", "removes-outside-members", "deny-policy", "public-oauth-client"]),
    );
    const tokens = renderInert(reviewMarkdown(review));
    expect(listItems(tokens)).toEqual(expectedItems(review));
    expect(diffLines(tokens)).toHaveLength(personLines(review).length);
  });
});

describe("the issue's cases", () => {
  const review = (names: Partial<Record<number, string>>) => hostileReview([...Array(NAME_COUNT).keys()].map((i) => names[i] ?? `name${i}`));

  it("a group named to close the diff fence cannot close it or forge a line that says nothing changes", () => {
    const readers = "Readers)\n```\n\nNo change in access: this change alters no one's access.";
    const tokens = renderInert(reviewMarkdown(review({ 13: readers })));
    const lines = diffLines(tokens);
    expect(lines).toHaveLength(6);
    expect(lines.filter((line) => line.includes('"Readers)\\n```\\n\\nNo change in access'))).toHaveLength(5);
    const paragraphs = tokens.filter((t) => t.type === "inline").map((t) => t.content);
    expect(paragraphs.some((p) => p.startsWith("No change in access"))).toBe(false);
  });

  it("a name ending in <!-- hides nothing after it", () => {
    const r = review({ 2: "ada@example.com<!--" });
    const items = listItems(renderInert(reviewMarkdown(r)));
    expect(items).toEqual(expectedItems(r));
    expect(items.filter((i) => i.includes("ada@example.com<!--"))).toEqual([
      "⚠️ ada@example.com<!-- gains name0 on name5 (via name13): an administrator-class permission group",
      "⚠️ ada@example.com<!-- gains name1 on the account (via name13): a grant on the whole account",
    ]);
  });

  it("@org/team and [x](https://…) in a risk line are neither a mention nor a link", () => {
    const r = review({ 13: "@org/team", 0: "[x](https://evil.example)" });
    const tokens = renderInert(reviewMarkdown(r));
    const codes = allTokens(tokens)
      .filter((t) => t.type === "code_inline")
      .map((t) => t.content);
    expect(codes).toEqual(expect.arrayContaining(["@org/team", "[x](https://evil.example)"]));
    expect(listItems(tokens)[1]).toBe("⚠️ name2 gains [x](https://evil.example) on name5 (via @org/team): an administrator-class permission group");
  });

  it("our own words are escaped too: a value pasted into one still renders as text", () => {
    const pasted: Review = {
      ...hostileReview([...Array(NAME_COUNT).keys()].map(String)),
      risks: [{ kind: "unresolved", message: ["unknown until apply: <img src=x onerror=alert(1)>`[x](y)`\n# *"] }],
    };
    expect(listItems(renderInert(reviewMarkdown(pasted)))[0]).toBe("⚠️ unknown until apply: <img src=x onerror=alert(1)>`[x](y)`⟨U+000A⟩# *");
  });

  it("a name cannot forge the mark of a hidden character", () => {
    const r: Review = {
      ...hostileReview([...Array(NAME_COUNT).keys()].map(String)),
      risks: [{ kind: "unresolved", message: text`${name("SRE⟨U+202E⟩")} and ${name("SRE\u202e")}` }],
    };
    expect(listItems(renderInert(reviewMarkdown(r)))[0]).toBe("⚠️ SRE⟨U+27E8⟩U+202E⟩ and SRE⟨U+202E⟩");
  });

  it("a blank name and one of backticks show as what they are", () => {
    const r: Review = {
      ...hostileReview([...Array(NAME_COUNT).keys()].map(String)),
      risks: [{ kind: "unresolved", message: text`${name("   ")} and ${name("```")} and ${name("")}` }],
    };
    const tokens = renderInert(reviewMarkdown(r));
    expect(listItems(tokens)[0]).toBe("⚠️ ⟨U+0020⟩⟨U+0020⟩⟨U+0020⟩ and ``` and (empty)");
  });
});

describe("invites and leavers with hostile emails (issue 19)", () => {
  const ACCOUNT = "a".repeat(32);
  const KEY = `com.cloudflare.api.account.${ACCOUNT}`;
  /** Before: the leaver is in SRE; after: the leaver is gone, and the invitee is pending in SRE with an administrator policy of their own. */
  function inviteAndLeave(invitee: string, leaver: string, group: string): Review {
    const member = (id: string, email: string, extra: Partial<AccountSnapshot["members"][number]> = {}) => ({ id, email, status: "accepted", roles: [], policies: [], ...extra });
    const sre = (memberIds: string[]) => ({ id: "g1", name: group, memberIds, policies: [allow("pg-dns", "rg")], scimManaged: false });
    const base = {
      accountId: ACCOUNT,
      permissionGroups: [
        { id: "pg-admin", name: "Administrator", label: "admin", description: "", scopes: [] },
        { id: "pg-dns", name: "DNS Write", label: "dns", description: "", scopes: [] },
      ],
      roles: [],
      resourceGroups: [{ id: "rg", name: "prod", scope: { key: KEY, objects: ["zone.prod"] }, system: false }],
      ssoConnectors: [],
      oauthClients: [],
      skipped: [],
    };
    const before: AccountSnapshot = { ...base, members: [member("m-leaver", leaver)], userGroups: [sre(["m-leaver"])] };
    const invited = member("m-invitee", invitee, { status: "pending", policies: [allow("pg-admin", "rg")] });
    const after: AccountSnapshot = { ...base, members: [invited], userGroups: [sre(["m-invitee"])] };
    return compareAccess(before, after, defaultRiskRules);
  }
  const allow = (permissionGroup: string, resourceGroup: string): SnapshotPolicy => ({
    access: "allow",
    permissionGroups: [permissionGroup],
    resourceGroups: [resourceGroup],
    scopes: [],
  });

  /** The diff block as the reader sees it: the invite's sentence, its second gain, the leaver's sentence, their loss. */
  function expectInert(invitee: string, leaver: string, group: string) {
    const review = inviteAndLeave(invitee, leaver, group);
    const tokens = renderInert(reviewMarkdown(review));
    // An empty email reads as the membership id.
    const shown = (membership: string) => literal(review.people.find((p) => p.membership === membership)!.member);
    const [who, gone] = [shown("invited"), shown("leaves")];
    const lines = diffLines(tokens);
    expect(lines.filter((l) => l.startsWith(`+ ${who} is invited (pending until they accept) and gains `))).toHaveLength(1);
    expect(lines.filter((l) => l === `- ${gone} leaves the account and loses everything`)).toHaveLength(1);
    expect(lines).toHaveLength(4);
    expect(listItems(tokens)).toEqual([
      ...review.risks.map((r) => `⚠️ ${expectedText(r.message)}`),
      ...review.direct.map((c) => `${expectedText(c.subject)}: ${expectedText(c.change)}`),
    ]);
    expect(review.risks.map((r) => r.kind)).toEqual(["invited-administrator"]);
  }

  it.each([
    ["backticks", "``ada`@example.com", "```"],
    ["an HTML comment", "ada@example.com<!--", "bob@example.com-->"],
    ["mentions", "@org/team", "@bob"],
    ["a line separator", "ada@example.com\u2028+ eve@example.com gains nothing", "bob\u2029@example.com"],
    ["300-character names", `${"a".repeat(300)}@example.com`, `${"b".repeat(300)}@example.com`],
  ])("%s in an invitee's or a leaver's email steer nothing", (_, invitee, leaver) => {
    expectInert(invitee, leaver, "SRE");
  });

  it("any hostile emails and group name steer nothing", () => {
    forHostileNames(3, 100, ([invitee, leaver, group]) => {
      if (invitee === leaver) return;
      expectInert(invitee, leaver, group);
    });
  });
});

describe("a review that alters no access", () => {
  it("is the one no-change line", () => {
    expect(reviewMarkdown(emptyReview())).toBe("No change in access: this change alters no one's access.\n");
  });
});
