/**
 * The one encoder for text that comes from an account or an access file (names, emails,
 * domains, ids, server messages) wherever we write it: generated TypeScript and YAML, their
 * comments, error messages and the terminal. Such text is hostile: it must never end a line,
 * a string or a comment, nor reach a terminal as a control sequence.
 */

/**
 * What can end a line or act without being seen: every control character (C0 with CR, LF,
 * backspace and ESC; DEL; C1 with NEL U+0085), the line and paragraph separators U+2028 and
 * U+2029 (line terminators in JavaScript), format characters (bidi overrides, zero widths, the
 * tag characters), lone surrogates, and the invisible ones of other kinds: the combining
 * grapheme joiner, Hangul and Khmer fillers, variation selectors.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point stands alone on purpose: combining marks and variation selectors are what we escape
export const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2065\u3164\ufe00-\ufe0f\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

/** `\uXXXX` for each UTF-16 unit: the one escape TypeScript, JSON and YAML all read alike. */
export const unicodeEscape = (char: string) => Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`).join("");

/** The text on one line, every unseen character written as its escape: safe in a terminal and a line comment. */
export function inert(text: string): string {
  return text.replace(UNSEEN, unicodeEscape);
}

/**
 * The text as a double-quoted literal that TypeScript, JSON and YAML each read back exactly:
 * one line, and never `*\/`, so it is also inert inside a line comment or a block comment.
 */
export function quote(text: string): string {
  return `"${inert(text.replace(/["\\]/g, "\\$&")).replace(/\*\//g, "*\\/")}"`;
}
