/**
 * The review as a pull-request comment stays within its bound: the risks whole (or as many
 * whole ones as fit, with how many more were cut), the rest cut at a line with one line saying
 * how much and where the whole review is, the preview folded below and cut first.
 */
import { commentChars, DEFAULT_COMMENT_CHARS, GITHUB_COMMENT_LIMIT, MIN_COMMENT_CHARS, reviewComment } from "../../access/comment";
import { emptyReview, type PersonChange, type Review, type Risk } from "../../access/compare";
import { NO_CHANGE, reviewMarkdown } from "../../access/markdown";
import { name, text } from "../../access/text";
import { forHostileNames, hostileReview, METACHARACTERS, NAME_COUNT } from "../support/hostile";
import { diffLines, listItems, render, renderInert } from "../support/markdown";

const FOLD = ["<details><summary>pulumi preview --diff</summary>", "</details>"];
const options = { maxChars: DEFAULT_COMMENT_CHARS, wholeReviewAt: "review.md" };

/** A review with `risks` risk lines and `people` person lines, each line about `width` characters long. */
function bigReview(risks: number, people: number, width = 100): Review {
  const who = (i: number) => `member${i}@example.com${"x".repeat(Math.max(0, width - 60))}`;
  const person = (i: number): PersonChange => ({
    memberId: `m${i}`,
    member: who(i),
    membership: "stays",
    status: "accepted",
    gains: [{ permissionGroups: ["DNS Write"], target: ["the account"], group: "SRE", why: "via" }],
    losses: [],
  });
  return {
    ...emptyReview(),
    risks: [...Array(risks).keys()].map((i): Risk => ({ kind: "administrator", message: text`${name(who(i))} gains Administrator on the account` })),
    people: [...Array(people).keys()].map(person),
    notes: [text`last note ${name("end")}`],
  };
}

const riskLines = (markdown: string) => markdown.split("\n").filter((line) => line.startsWith("- ⚠️ "));
/** The numbers the cut line says: lines and characters left out. */
const cutSays = (comment: string) => {
  const match = /\*\*Cut to fit a pull-request comment:\*\* ([\d,]+) more lines? of the review \(([\d,]+) characters?\)/.exec(comment);
  return match && { lines: Number(match[1].replace(/,/g, "")), chars: Number(match[2].replace(/,/g, "")) };
};

it("is the review itself, word for word, when it fits", () => {
  const review = bigReview(3, 5);
  expect(reviewComment(review, options)).toBe(reviewMarkdown(review));
  expect(reviewComment(emptyReview(), options)).toBe(`${NO_CHANGE}\n`);
});

it("keeps every risk whole and cuts the rest at a line, saying how much was cut and where the whole review is", () => {
  const review = bigReview(40, 2_000);
  const whole = reviewMarkdown(review);
  const comment = reviewComment(review, options);
  expect(commentChars(whole)).toBeGreaterThan(DEFAULT_COMMENT_CHARS);
  expect(commentChars(comment)).toBeLessThanOrEqual(DEFAULT_COMMENT_CHARS);
  expect(riskLines(comment)).toEqual(riskLines(whole));
  // Cut inside the diff block, which is closed again; every line kept is a line of the review.
  const tokens = renderInert(comment);
  expect(diffLines(tokens).length).toBeGreaterThan(100);
  const wholeLines = whole.split("\n");
  const kept = comment.split("\n").slice(0, -3);
  expect(kept.slice(0, -1)).toEqual(wholeLines.slice(0, kept.length - 1));
  const cut = wholeLines.slice(kept.length - 1, -1);
  expect(cutSays(comment)).toEqual({ lines: cut.length, chars: cut.join("\n").length + 1 });
  expect(comment).toMatch(/the whole review is in `review\.md`\.\n$/);
  expect(whole).toContain("last note");
  expect(comment).not.toContain("last note");
});

it("keeps as many whole risks as fit when the risks alone pass the bound, and says how many more were cut", () => {
  const review = bigReview(1_000, 10);
  const comment = reviewComment(review, options);
  expect(commentChars(comment)).toBeLessThanOrEqual(DEFAULT_COMMENT_CHARS);
  const shown = riskLines(comment);
  const all = riskLines(reviewMarkdown(review));
  const kept = shown.slice(0, -1);
  expect(kept.length).toBeGreaterThan(300);
  expect(kept).toEqual(all.slice(0, kept.length));
  expect(shown.at(-1)).toBe(
    `- ⚠️ ${(1_000 - kept.length).toLocaleString("en-US")} more risks cut to fit a pull-request comment: the whole review lists each one, and --fail-on risk counts them all`,
  );
  expect(listItems(renderInert(comment))).toHaveLength(shown.length);
});

it("folds the preview below the review in a fence none of its lines can close, and cuts it first", () => {
  const review = bigReview(2, 3);
  const previewDiff = ["+ cloudflare-iam:index:UserGroup: (create)", "````", "</details>", "<!--", "\u202e evil\r", "@org/team https://evil.example"].join("\n");
  const comment = reviewComment(review, { ...options, previewDiff });
  expect(comment.startsWith(reviewMarkdown(review))).toBe(true);
  const fences = render(comment).filter((t) => t.type === "fence");
  expect(fences.at(-1)!.content).toBe("+ cloudflare-iam:index:UserGroup: (create)\n````\n</details>\n<!--\n⟨U+202E⟩ evil⟨U+000D⟩\n@org/team https://evil.example\n");
  renderInert(comment, FOLD);

  const long = [...Array(5_000).keys()].map((i) => `+ line ${i} ${"y".repeat(40)}`).join("\n");
  const cut = reviewComment(review, { ...options, previewDiff: long });
  expect(commentChars(cut)).toBeLessThanOrEqual(DEFAULT_COMMENT_CHARS);
  expect(cut.startsWith(reviewMarkdown(review))).toBe(true);
  const keptLines =
    render(cut)
      .filter((t) => t.type === "fence")
      .at(-1)!
      .content.split("\n").length - 1;
  expect(cut).toContain(`${(5_000 - keptLines).toLocaleString("en-US")} more lines of the preview (`);
  renderInert(cut, FOLD);
});

it("leaves the preview out when the review itself must be cut, and says so", () => {
  const comment = reviewComment(bigReview(40, 2_000), { ...options, previewDiff: "+ a step" });
  expect(commentChars(comment)).toBeLessThanOrEqual(DEFAULT_COMMENT_CHARS);
  expect(comment).not.toContain("<details>");
  expect(comment).toMatch(/, and the preview below it, are left out/);
});

it("a 70,000-character name in every field keeps the comment under GitHub's limit, and the whole review keeps every line", () => {
  const long = "@org/team ".repeat(7_000);
  const review = hostileReview(Array(NAME_COUNT).fill(long));
  const comment = reviewComment(review, { ...options, previewDiff: long });
  expect(commentChars(comment)).toBeLessThan(GITHUB_COMMENT_LIMIT);
  expect(riskLines(reviewMarkdown(review))).toHaveLength(review.risks.length);
  renderInert(comment, FOLD);
});

it("stays inert and within a small bound for hostile names in every field and a hostile preview", () => {
  forHostileNames(NAME_COUNT, 40, (names) => {
    const review = hostileReview(names);
    const comment = reviewComment(review, { maxChars: 2_500, wholeReviewAt: names[0], previewDiff: METACHARACTERS.join("\n") + names.join("\n") });
    expect(commentChars(comment)).toBeLessThanOrEqual(2_500);
    const tokens = renderInert(comment, comment.includes(`\n${FOLD[0]}\n`) ? FOLD : []);
    expect(listItems(tokens).length).toBeGreaterThan(0);
  });
});

describe("the comment's bound, counted exactly", () => {
  const one = (risk: string): Review => ({ ...emptyReview(), risks: [{ kind: "unresolved", message: [risk] }] });

  it("counts every line feed twice, as the CRLF it may be stored as", () => {
    expect([commentChars(""), commentChars("ab"), commentChars("a\nb\n")]).toEqual([0, 2, 6]);
  });

  it("holds the bound to the character: a review, or a review and its preview, that fits exactly is whole, one character less cuts it", () => {
    const review = one("a risk");
    const whole = reviewMarkdown(review);
    const at = (maxChars: number, previewDiff?: string) => reviewComment(review, { maxChars, wholeReviewAt: "r.md", previewDiff });
    expect(at(commentChars(whole))).toBe(whole);
    expect(at(commentChars(whole) - 1)).not.toBe(whole);
    const folded = at(DEFAULT_COMMENT_CHARS, "+ a step");
    expect(folded).not.toContain("Cut to fit");
    expect(at(commentChars(folded), "+ a step")).toBe(folded);
    expect(at(commentChars(folded) - 1, "+ a step")).toContain("Cut to fit");
  });

  it("keeps a preview line that fills the room to the character", () => {
    const previewDiff = [...Array(40).keys()].map((i) => `+ line ${i} ${"y".repeat(20)}`).join("\n");
    const cutAt = (maxChars: number) => reviewComment(one("a risk"), { maxChars, wholeReviewAt: "r.md", previewDiff });
    const folded = [...Array(300).keys()].map((i) => 200 + i).filter((maxChars) => cutAt(maxChars).includes("<details>"));
    expect(folded.filter((maxChars) => commentChars(cutAt(maxChars)) > maxChars)).toEqual([]);
    const filled = folded.filter((maxChars) => cutAt(maxChars).includes("Cut to fit") && commentChars(cutAt(maxChars)) === maxChars);
    expect(filled.some((maxChars) => !cutAt(maxChars).includes("40 more lines of the preview"))).toBe(true);
    // Even the fold's frame alone, every line cut, is shown when it fits to the character.
    expect(filled.some((maxChars) => cutAt(maxChars).includes("40 more lines of the preview"))).toBe(true);
  });

  it("says one line and one risk in the singular", () => {
    const long = "x".repeat(1_000);
    const review: Review = { ...emptyReview(), risks: [...Array(30).keys()].map((i) => ({ kind: "unresolved", message: [`risk ${i} ${i === 29 ? long : "x".repeat(80)}`] })) };
    const last = (maxChars: number) => riskLines(reviewComment(review, { maxChars, wholeReviewAt: "r.md" })).at(-1)!;
    expect([...Array(300).keys()].map((i) => last(2_500 + i * 10))).toContain(
      "- ⚠️ 1 more risk cut to fit a pull-request comment: the whole review lists each one, and --fail-on risk counts them all",
    );
    const folded = (maxChars: number) => reviewComment(one("a risk"), { maxChars, wholeReviewAt: "r.md", previewDiff: `+ a\n+ b\n+ ${"c".repeat(300)}` });
    const notes = [...Array(400).keys()].map((i) => /\*\*Cut to fit a pull-request comment:\*\* (.*)/.exec(folded(200 + i * 2))?.[1]);
    expect(notes).toContain("1 more line of the preview (303 characters) are left out.");
  });

  it("a cut in the risks ends the comment: the risks kept, how many more, and the line saying what was cut", () => {
    const review: Review = {
      ...emptyReview(),
      risks: [...Array(60).keys()].map((i) => ({ kind: "unresolved", message: [`risk ${i} ${"x".repeat(80)}`] })),
      notes: [["a note"]],
    };
    for (let maxChars = MIN_COMMENT_CHARS; maxChars < MIN_COMMENT_CHARS + 100; maxChars += 10) {
      const lines = reviewComment(review, { maxChars, wholeReviewAt: "r.md" }).split("\n");
      const kept = riskLines(lines.join("\n")).length - 1;
      expect(lines.slice(4 + kept)).toEqual([
        `- ⚠️ ${60 - kept} more risks cut to fit a pull-request comment: the whole review lists each one, and --fail-on risk counts them all`,
        "",
        expect.stringMatching(/^\*\*Cut to fit a pull-request comment:\*\* \d+ more lines of the review \([\d,]+ characters\) are left out; the whole review is in `r\.md`\.$/),
        "",
      ]);
    }
  });

  it("a cut in a list keeps a prefix of the review, one blank line, and says exactly how many lines and characters it left out", () => {
    // Short lines cut anywhere in the list; lines longer than the room cut it right after its heading's blank line.
    for (const width of [40, 1_800]) {
      const review: Review = {
        ...emptyReview(),
        risks: [{ kind: "unresolved", message: ["a risk"] }],
        groups: [...Array(80).keys()].map((i) => ({ subject: [`group ${i}`], change: [`renamed ${"x".repeat(width)}`] })),
        notes: [["a note"]],
      };
      const whole = reviewMarkdown(review).split("\n");
      for (let maxChars = MIN_COMMENT_CHARS; maxChars < MIN_COMMENT_CHARS + 200; maxChars += 7) {
        const comment = reviewComment(review, { maxChars, wholeReviewAt: "r.md" });
        const lines = comment.split("\n");
        // The review's lines, then a blank line, the cut line, and the comment's closing line feed.
        const kept = lines.slice(0, -3);
        expect(kept).toEqual(whole.slice(0, kept.length));
        expect(lines.at(-3)).toBe("");
        expect(comment).not.toMatch(/\n\n\n/);
        // What the reader misses: every line after the kept ones (the blank one may be the review's own).
        const missed = (from: number) => ({ lines: whole.slice(from, -1).length, chars: whole.slice(from, -1).join("\n").length + 1 });
        expect([missed(kept.length), ...(whole[kept.length] === "" ? [missed(kept.length + 1)] : [])]).toContainEqual(cutSays(comment));
      }
    }
  });

  it("a review that alters no access, and whose preview's fold cannot fit, is the no-change line alone", () => {
    expect(reviewComment(emptyReview(), { maxChars: 50, wholeReviewAt: "r.md", previewDiff: "+ a step" })).toBe(`${NO_CHANGE}\n`);
  });

  it("folds a preview without backticks in a fence of three", () => {
    const comment = reviewComment(one("a risk"), { maxChars: DEFAULT_COMMENT_CHARS, wholeReviewAt: "r.md", previewDiff: "+ a step\n" });
    expect(comment.endsWith("<details><summary>pulumi preview --diff</summary>\n\n```diff\n+ a step\n```\n\n</details>\n")).toBe(true);
  });
});
