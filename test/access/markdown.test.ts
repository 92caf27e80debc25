/**
 * The review's Markdown cannot be steered by a name: with hostile names in every field, the
 * rendered comment (markdown-it, raw HTML on, GFM autolinks) holds only the template's own
 * elements, shows every risk line in order, and no name breaks a line, links or mentions.
 */
import type { Review } from "../../access/compare";
import { personLines, reviewMarkdown } from "../../access/markdown";
import { name, text } from "../../access/text";
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
