/**
 * The one escaper for names that reach Markdown or a terminal: whatever a name holds, it is
 * shown as text. Line terminators, control, bidirectional and invisible characters become
 * visible marks (`⟨U+2028⟩`); a very long name is cut with a mark saying how much was cut.
 */

/** How much of one name is shown: enough to tell names apart, short enough to keep a review readable. */
export const MAX_NAME_CHARS = 200;

// C0 and C1 controls (CR, LF, ESC, NEL…), U+2028/U+2029, bidirectional controls, zero-width characters and the BOM.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

const mark = (c: string) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`;

/** The name cut to MAX_NAME_CHARS code points, with what was cut said. */
function shortened(value: string): string {
  const points = [...value];
  if (points.length <= MAX_NAME_CHARS) return value;
  return `${points.slice(0, MAX_NAME_CHARS).join("")}…(+${(points.length - MAX_NAME_CHARS).toLocaleString("en-US")} characters)`;
}

/** The name with every hidden character made visible, and cut when very long. */
export const visible = (value: string): string => shortened(value).replace(HIDDEN, mark);

/**
 * A code span no name can close: its fence is one backtick longer than the longest run in the
 * name, padded with a space where the name starts or ends with a backtick or a space. Inside a
 * code span, Markdown renders no HTML, link, mention, emphasis or entity.
 */
export function codeSpan(value: string): string {
  const shown = visible(value);
  if (shown === "") return "(empty)";
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** Letters, digits, spaces and the characters of an email: a name that reads the same unquoted. */
const PLAIN = /^[\p{L}\p{N}._@+-]+(?: [\p{L}\p{N}._@+-]+)*$/u;

/**
 * A name inside a fenced block, where Markdown is not interpreted: as it is when it is plain,
 * else as a double-quoted literal (JSON's escapes, and `\u` escapes for what JSON leaves raw).
 */
export function literal(value: string, quoted = false): string {
  const short = shortened(value);
  if (!quoted && short === value && PLAIN.test(value)) return value;
  return JSON.stringify(short).replace(HIDDEN, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`);
}
