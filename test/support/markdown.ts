/**
 * Renders Markdown as a pull-request comment would be, and reads what a reader sees: markdown-it
 * follows CommonMark, with raw HTML on (GitHub passes tags through before sanitising), GFM's
 * tables and strikethrough, and linkify for GFM's bare-URL autolinks.
 */
import MarkdownIt from "markdown-it";
import { visible } from "../../access/inert";
import type { Text } from "../../access/text";

const parser = new MarkdownIt({ html: true, linkify: true });

export interface Rendered {
  type: string;
  tag: string;
  content: string;
  info: string;
  /** The inline tokens of a paragraph or heading. */
  children: Rendered[];
}

/** The token stream, block tokens with their inline children. */
export const render = (markdown: string): Rendered[] =>
  parser.parse(markdown, {}).map((t) => ({
    type: t.type,
    tag: t.tag,
    content: t.content,
    info: t.info,
    children: (t.children ?? []).map((c) => ({ type: c.type, tag: c.tag, content: c.content, info: c.info, children: [] })),
  }));

/** Every token, blocks and inline ones, in document order. */
export const allTokens = (tokens: Rendered[]): Rendered[] => tokens.flatMap((t) => [t, ...t.children]);

/** What the reader sees of an inline run: text and code contents, joined. */
export const shownText = (inline: Rendered) =>
  inline.children
    .filter((c) => c.type === "text" || c.type === "code_inline")
    .map((c) => c.content)
    .join("");

/** The paragraphs inside list items, in order: each the text a reader sees of one `- ` line. */
export function listItems(tokens: Rendered[]): string[] {
  const items: string[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.type === "list_item_open") depth++;
    if (t.type === "list_item_close") depth--;
    if (depth > 0 && t.type === "inline") items.push(shownText(t));
  }
  return items;
}

/** A name as the reader sees it in a code span: made visible, its end spaces marked. */
export const shownName = (value: string) => {
  const shown = visible(value).replace(/^ +| +$/g, (spaces) => "⟨U+0020⟩".repeat(spaces.length));
  return shown === "" ? "(empty)" : shown;
};

/** A text as the reader should see it rendered: our words, then each name as shown. */
export const expectedText = (t: Text) => t.map((p) => (typeof p === "string" ? p : shownName(p.name))).join("");

/** The element types the review's template makes, and nothing else may appear. */
export const TEMPLATE_TOKENS = new Set([
  "heading_open",
  "heading_close",
  "paragraph_open",
  "paragraph_close",
  "bullet_list_open",
  "bullet_list_close",
  "list_item_open",
  "list_item_close",
  "inline",
  "text",
  "code_inline",
  "strong_open",
  "strong_close",
  "fence",
]);

const LINE_TERMINATORS = /[\n\r\u2028\u2029\u0085]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the invisible characters a rendered review must not carry
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u{e0000}-\u{e007f}]/u;

/** The rendered review (the template's own HTML blocks in `ownHtml`), checked against everything a name must not do; returns the tokens. */
export function renderInert(markdown: string, ownHtml: string[] = []): Rendered[] {
  const tokens = render(markdown);
  const all = allTokens(tokens);
  // Only the template's elements: no link, image, raw HTML, emphasis, table, quote or extra heading.
  expect([...new Set(all.map((t) => t.type))].filter((type) => !TEMPLATE_TOKENS.has(type) && type !== "html_block")).toEqual([]);
  // Raw HTML only where the template writes it (the fold of a comment), line for line.
  expect(tokens.filter((t) => t.type === "html_block").map((t) => t.content.trim())).toEqual(ownHtml);
  expect(tokens.filter((t) => t.type === "heading_open").map((t) => t.tag)).toEqual(["h3"]);
  for (const t of tokens.filter((t) => t.type === "fence")) expect(t.info).toBe("diff");
  for (const t of all.filter((t) => t.type === "text" || t.type === "code_inline")) {
    expect(t.content).not.toMatch(LINE_TERMINATORS);
    expect(t.content).not.toMatch(INVISIBLE);
  }
  // Mentions and bare links: GitHub makes them of text outside code, so no text may hold one.
  for (const t of all.filter((t) => t.type === "text")) expect(t.content).not.toMatch(/@\w|https?:|www\./);
  return tokens;
}

/** The diff block's lines, each one person line: none begins a line a name could forge. */
export function diffLines(tokens: Rendered[]): string[] {
  const fences = tokens.filter((t) => t.type === "fence").slice(0, 1);
  const lines = fences.length ? fences[0].content.replace(/\n$/, "").split("\n") : [];
  for (const line of lines) {
    expect(line).toMatch(/^[+-] /);
    expect(line).not.toMatch(/[\r\u2028\u2029\u0085\u202e]/);
  }
  return lines;
}
