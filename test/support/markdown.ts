/**
 * Renders Markdown as a pull-request comment would be, and reads what a reader sees: markdown-it
 * follows CommonMark, with raw HTML on (GitHub passes tags through before sanitising), GFM's
 * tables and strikethrough, and linkify for GFM's bare-URL autolinks.
 */
import MarkdownIt from "markdown-it";
import type { Text } from "../../access/text";
import { visible } from "../../access/inert";

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
  parser.parse(markdown, {}).map((t) => ({ type: t.type, tag: t.tag, content: t.content, info: t.info, children: (t.children ?? []).map((c) => ({ type: c.type, tag: c.tag, content: c.content, info: c.info, children: [] })) }));

/** Every token, blocks and inline ones, in document order. */
export const allTokens = (tokens: Rendered[]): Rendered[] => tokens.flatMap((t) => [t, ...t.children]);

/** What the reader sees of an inline run: text and code contents, joined. */
export const shownText = (inline: Rendered) => inline.children.filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("");

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
