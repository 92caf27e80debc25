/**
 * The one escaper for names that reach Markdown, JSON or a terminal: whatever a name holds, it
 * is shown as text. Line terminators, control, bidirectional and invisible characters become
 * visible marks (`⟨U+2028⟩`); a very long name is cut with a mark saying how much was cut.
 */

import { UNSEEN, unicodeEscape } from "../provider/framework/quote";

/** How much of one name is shown: enough to tell names apart, short enough to keep a review readable. */
export const MAX_NAME_CHARS = 200;

/**
 * What the generated code's encoder escapes too (UNSEEN: controls, separators, bidirectional,
 * zero-width and other invisible characters, lone surrogates), and the marks' own opening
 * bracket ⟨, so that no name can forge a mark.
 */
const HIDDEN = new RegExp(`${UNSEEN.source}|\u27e8`, "gu");

const hex = (n: number, width = 4) => n.toString(16).toUpperCase().padStart(width, "0");
const mark = (c: string) => `⟨U+${hex(c.codePointAt(0)!)}⟩`;

/** How many code points a string holds: its UTF-16 length less one for each surrogate pair. */
const codePoints = (value: string) => value.length - (value.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);

/** The value cut to `max` code points, with what was cut said. */
function shortened(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = 0;
  for (let n = 0; n < max && end < value.length; n++) end += value.codePointAt(end)! > 0xffff ? 2 : 1;
  if (end >= value.length) return value;
  const cut = codePoints(value.slice(end));
  return `${value.slice(0, end)}…(+${cut.toLocaleString("en-US")} character${cut === 1 ? "" : "s"})`;
}

/** The value with every hidden character made visible, and cut past `max` code points. */
export const visible = (value: string, max = MAX_NAME_CHARS): string => shortened(value, max).replace(HIDDEN, mark);

/**
 * A code span no name can close: its fence is one backtick longer than the longest run in the
 * name, padded with a space where the name starts or ends with a backtick. Spaces at either end
 * are marked, so a blank name, or one that differs from another only by a space, shows as such.
 * Inside a code span, Markdown renders no HTML, link, mention, emphasis or entity.
 */
export function codeSpan(value: string): string {
  const shown = visible(value).replace(/^ +| +$/g, (spaces) => spaces.replace(/ /g, mark));
  if (shown === "") return "(empty)";
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^`|`$/.test(shown) ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** Letters, digits, spaces and the characters of an email: a name that reads the same unquoted. */
const PLAIN = /^[\p{L}\p{N}._@+-]+(?: [\p{L}\p{N}._@+-]+)*$/u;

/**
 * A name inside a fenced block, where Markdown is not interpreted: as it is when it is plain,
 * else as a double-quoted literal (JSON's escapes, and `\u` escapes for what JSON leaves raw).
 */
export function literal(value: string, quoted = false): string {
  const short = shortened(value, MAX_NAME_CHARS);
  if (!quoted && short === value && PLAIN.test(value)) return value;
  return JSON.stringify(short).replace(HIDDEN, unicodeEscape);
}

/** Markdown's ASCII punctuation that can open markup in the middle of a line. */
const MARKUP = /[\\`*_[\]<>&|~]/g;

/**
 * Our own words in Markdown prose, escaped all the same: if a value ever reaches a sentence as
 * one of our strings, it still cannot open markup or break the line.
 */
export const ownWords = (words: string): string => words.replace(HIDDEN, mark).replace(MARKUP, (c) => `\\${c}`);

/** Our own words inside a fenced block: nothing there is markup, but no line may break. */
export const ownWordsInBlock = (words: string): string => words.replace(HIDDEN, mark);

/**
 * A text block, such as `pulumi preview --diff`'s, shown as it is line by line: tabs kept,
 * every other hidden character (CR and U+2028 included) made visible.
 */
export const visibleLines = (text: string): string[] => text.split("\n").map((line) => line.replace(HIDDEN, (c) => (c === "\t" ? c : mark(c))));

/**
 * JSON for a terminal or a file: the same data, with every hidden character inside a string
 * written as its `\u` escape (JSON.stringify escapes C0 controls itself, so a raw line feed in
 * its output is the layout's own).
 */
export const inertJson = (value: unknown): string => `${JSON.stringify(value, null, 2).replace(HIDDEN, (c) => (c === "\n" ? c : unicodeEscape(c)))}\n`;
