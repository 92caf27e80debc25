/**
 * The review's words: our own text with the account's and the pull request's data (names,
 * emails, domains, ids) kept apart as names, so that each renderer can make them inert. Nothing
 * built from data is ever pasted into a sentence as a plain string.
 */

/** A value from the account or the pull request. `quoted`: plain text shows it in double quotes. */
export interface Name {
  name: string;
  quoted?: boolean;
}

export type Part = string | Name;
export type Text = Part[];

export const name = (value: string): Name => ({ name: value });
export const quoted = (value: string): Name => ({ name: value, quoted: true });

const isText = (value: Part | Text): value is Text => Array.isArray(value);

/** text`${who} gains ${what}`: literal parts are ours, every value is a name or a text already built. */
export function text(strings: TemplateStringsArray, ...values: (Part | Text)[]): Text {
  const parts: Text = [];
  strings.forEach((literal, i) => {
    if (literal) parts.push(literal);
    if (i < values.length) {
      const value = values[i];
      parts.push(...(isText(value) ? value : [value]));
    }
  });
  return parts;
}

/** Texts joined by our own separator. */
export function join(texts: Text[], separator: string): Text {
  return texts.flatMap((t, i) => (i === 0 ? t : [separator, ...t]));
}

/** The text as data: names as they are (JSON's own escaping keeps them data), quoted ones in JSON quotes. */
export const plain = (t: Text): string => t.map((p) => (typeof p === "string" ? p : p.quoted ? JSON.stringify(p.name) : p.name)).join("");
