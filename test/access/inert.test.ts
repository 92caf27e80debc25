import { codeSpan, inertJson, literal, visible, visibleLines } from "../../access/inert";

describe("the review's names", () => {
  it("shows every hidden character as a mark, in prose", () => {
    expect(visible("Ad\u2028mins\u001b[2J\u202e\u{e0001}")).toBe("Ad⟨U+2028⟩mins⟨U+001B⟩[2J⟨U+202E⟩⟨U+E0001⟩");
    expect(codeSpan("a`b\r")).toBe("``a`b⟨U+000D⟩``");
  });

  it("writes a name that is not plain as a one-line literal, hidden characters escaped", () => {
    expect(literal("ada@example.com")).toBe("ada@example.com");
    expect(literal('Ad"mins\u2028\u0085\u{e0001}')).toBe('"Ad\\"mins\\u2028\\u0085\\udb40\\udc01"');
  });
});

describe("a long name, cut", () => {
  it("keeps 200 code points and says how many characters were cut, an astral character counted once, one in the singular", () => {
    expect(visible("a".repeat(200))).toBe("a".repeat(200));
    expect(visible(`${"a".repeat(200)}😀😀b`)).toBe(`${"a".repeat(200)}…(+3 characters)`);
    expect(visible(`${"😀".repeat(201)}`)).toBe(`${"😀".repeat(200)}…(+1 character)`);
    expect(visible("b".repeat(1_234), 3)).toBe("bbb…(+1,231 characters)");
  });

  it("counts U+FFFF, the last character of the basic plane, as one", () => {
    expect(visible(`${"a".repeat(199)}\uffffbc`)).toBe(`${"a".repeat(199)}${visible("\uffff")}…(+2 characters)`);
  });

  it("shows whole a name longer than 200 UTF-16 units but not 200 code points", () => {
    expect(visible("😀".repeat(150))).toBe("😀".repeat(150));
  });
});

describe("a long plain name in a fenced block, and a text block", () => {
  it("writes a plain name too long to show whole as a quoted literal, cut", () => {
    expect(literal("a".repeat(300))).toBe(`"${"a".repeat(200)}…(+100 characters)"`);
  });

  it("keeps a text block's tabs and marks every other hidden character", () => {
    expect(visibleLines("a\tb\rc\nd\u2028e")).toEqual(["a\tb⟨U+000D⟩c", "d⟨U+2028⟩e"]);
  });
});

describe("JSON for a terminal", () => {
  it("writes every hidden character in a string as its escape, and keeps the layout's own line feeds", () => {
    expect(inertJson({ name: "a\u2028b\u202ec\nd" })).toBe('{\n  "name": "a\\u2028b\\u202ec\\nd"\n}\n');
  });
});
