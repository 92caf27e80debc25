import * as fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { inert, quote } from "../../../provider/framework/quote";
import { hostileName } from "../../support/hostile-account";

/** A line terminator in JavaScript or YAML 1.1, a control character, or a format character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for the control characters quote() must escape
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const anyText = fc.oneof(hostileName, fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }));

describe("quote", () => {
  it("reads back exactly as TypeScript, JSON and YAML, whatever the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const literal = quote(text);
        expect(JSON.parse(literal)).toBe(text);
        expect(parseYaml(literal)).toBe(text);
        expect(new Function(`return ${literal};`)()).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("is one line holding no control, separator or format character and no */", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(quote(text)).not.toMatch(UNSEEN);
        expect(quote(text)).not.toContain("*/");
        expect(quote(text)).toMatch(/^"[\s\S]*"$/);
      }),
      { numRuns: 2000 },
    );
    expect(quote('*/ "x" \\ \u0085 \ud800')).toBe('"*\\/ \\"x\\" \\\\ \\u0085 \\ud800"');
  });

  it("keeps printable text as it is", () => {
    expect(quote("Zürich DNS — 東京 😀")).toBe('"Zürich DNS — 東京 😀"');
  });
});

describe("inert", () => {
  it("writes every unseen character as its escape, and nothing else", () => {
    expect(inert('a\u001b[2J\r\n\b\u2028\u202e\u{e0001}"\\ b')).toBe('a\\u001b[2J\\u000d\\u000a\\u0008\\u2028\\u202e\\udb40\\udc01"\\ b');
    // Invisible characters that are not format characters: a variation selector, a Hangul filler, the grapheme joiner.
    expect(inert("❤\ufe0f \u3164 a\u034fb")).toBe("❤\\ufe0f \\u3164 a\\u034fb");
    fc.assert(
      fc.property(anyText, (text) => expect(inert(text)).not.toMatch(UNSEEN)),
      { numRuns: 2000 },
    );
  });
});
