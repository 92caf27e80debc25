/**
 * JSON-shaped data (strings, numbers, booleans, arrays, plain objects) written as TypeScript and
 * as YAML, every string and key through `quote`: account data lands only inside literals that
 * read back exactly, never as code or structure.
 */
import { quote } from "../provider/framework/quote";

/** An object's properties, those set to undefined left out (as JSON leaves them). */
const entriesOf = (value: object) => Object.entries(value).filter(([, v]) => v !== undefined);
/** A non-empty array or object: written over several lines. */
const isBranch = (value: unknown): value is object => typeof value === "object" && value !== null && (Array.isArray(value) ? value.length > 0 : entriesOf(value).length > 0);
const scalar = (value: unknown): string => (typeof value === "string" ? quote(value) : Array.isArray(value) ? "[]" : typeof value === "object" && value ? "{}" : String(value));
/** Keys we write are identifiers; any other is quoted like a value. */
const key = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name));

/** A TypeScript expression; objects one property a line, arrays of scalars on one line. */
export function typescriptLiteral(value: unknown, indent = ""): string {
  if (!isBranch(value)) return scalar(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.some(isBranch) ? `[\n${value.map((v) => `${inner}${typescriptLiteral(v, inner)},`).join("\n")}\n${indent}]` : `[${value.map(scalar).join(", ")}]`;
  }
  return `{\n${entriesOf(value)
    .map(([k, v]) => `${inner}${key(k)}: ${typescriptLiteral(v, inner)},`)
    .join("\n")}\n${indent}}`;
}

/** Block YAML lines: one key or one list item a line, so a pull request's diff shows each change alone. */
export function yamlLines(value: unknown, indent = ""): string[] {
  if (!isBranch(value)) return [`${indent}${scalar(value)}`];
  if (Array.isArray(value)) {
    // An item is written as if indented two more, then its first line takes the dash.
    return value.flatMap((item) => {
      const [first, ...rest] = yamlLines(item, `${indent}  `);
      return [`${indent}- ${first.slice(indent.length + 2)}`, ...rest];
    });
  }
  return entriesOf(value).flatMap(([k, v]) => (isBranch(v) ? [`${indent}${key(k)}:`, ...yamlLines(v, `${indent}  `)] : [`${indent}${key(k)}: ${scalar(v)}`]));
}
