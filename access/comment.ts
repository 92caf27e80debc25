/**
 * The review as one pull-request comment, within GitHub's limit of 65,536 characters: the risks
 * stay whole, the rest is cut at a line with one line saying how much was cut and where the whole
 * review is, and the text of `pulumi preview --diff` is folded below in a fence none of its
 * lines can close, cut first when room runs out.
 */
import { altersNoAccess, type Review } from "./compare";
import { codeSpan, ownWords, visibleLines } from "./inert";
import { assemble, DIFF_CLOSE, DIFF_OPEN, HEAD, NO_CHANGE, type ReviewLines, reviewLines, section } from "./markdown";

/** GitHub refuses a comment longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** The default bound: 5,536 under GitHub's limit, for whatever a workflow adds around the comment. */
export const DEFAULT_COMMENT_CHARS = 60_000;

/** The smallest bound a caller may set: it still holds the heading, a risk line and the line saying what was cut. */
export const MIN_COMMENT_CHARS = 2_000;

/**
 * What a text costs against the bound: its length in UTF-16 units (never fewer than its
 * characters, however GitHub counts them) with every line feed counted twice, as the CRLF it
 * may be stored as.
 */
export const commentChars = (text: string) => text.length + (text.match(/\n/g)?.length ?? 0);

/** The cost of lines as the comment holds them, each ending in a line feed. */
const cost = (lines: string[]) => lines.reduce((sum, line) => sum + line.length + 2, 0);
/** How much a reader misses: lines and their characters with line feeds (a last empty line ends the one before). */
function missing(lines: string[]): { lines: number; chars: number } {
  const counted = lines.at(-1) === "" ? lines.slice(0, -1) : lines;
  return { lines: counted.length, chars: counted.reduce((sum, line) => sum + line.length + 1, 0) };
}

export interface CommentOptions {
  /** The bound, in `commentChars`. */
  maxChars: number;
  /** Where the whole review is (a file, an artifact, a URL), named in the line that says what was cut. */
  wholeReviewAt: string;
  /** The text of `pulumi preview --diff`, folded below the review. */
  previewDiff?: string;
}

const count = (n: number, what: string) => `${n.toLocaleString("en-US")} ${what}${n === 1 ? "" : "s"}`;
const CUT = "**Cut to fit a pull-request comment:**";

/** How many of the lines, from the first, fit whole in `room`. */
function fitting(lines: string[], room: number): number {
  let kept = 0;
  for (let used = 0; kept < lines.length && used + cost([lines[kept]]) <= room; kept++) used += cost([lines[kept]]);
  return kept;
}

/** A fence one backtick longer than any run in the lines, so none of them can close it. */
function fenceFor(lines: string[]): string {
  const longest = Math.max(2, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  return "`".repeat(longest + 1);
}

/** Preview lines in a fold behind `fence`, with what was cut said. */
function fold(lines: string[], fence: string, cut?: { lines: number; chars: number }): string[] {
  const note = cut ? ["", `${CUT} ${ownWords(`${count(cut.lines, "more line")} of the preview (${count(cut.chars, "character")}) are left out.`)}`] : [];
  return ["<details><summary>pulumi preview --diff</summary>", "", `${fence}diff`, ...lines, fence, ...note, "", "</details>"];
}

/** The fold with as many whole lines as `room` leaves, or nothing when not even its frame fits. */
function cutFold(lines: string[], room: number): string[] | undefined {
  const fence = fenceFor(lines);
  const frame = cost(fold([], fence, missing(lines)));
  if (frame > room) return undefined;
  const kept = fitting(lines, room - frame);
  return fold(lines.slice(0, kept), fence, missing(lines.slice(kept)));
}

/** The review cut to `room`: whole risks first, as many as fit; then the rest, to a line. */
function cutReview(parts: ReviewLines, room: number, wholeReviewAt: string, previewLeftOut: boolean): string[] {
  const moreRisks = (n: number) =>
    `- ⚠️ ${ownWords(`${count(n, "more risk")} cut to fit a pull-request comment: the whole review lists each one, and --fail-on risk counts them all`)}`;
  const cutLine = (cut: { lines: number; chars: number }) =>
    `${CUT} ${ownWords(`${count(cut.lines, "more line")} of the review (${count(cut.chars, "character")})${previewLeftOut ? ", and the preview below it," : ""} are left out; the whole review is in`)} ${codeSpan(wholeReviewAt)}.`;
  const every = [...parts.risks, ...parts.rest];
  // Room for the lines a cut adds, with the largest numbers they can say.
  const reserve = cost([...HEAD, ...section("Risks", [moreRisks(parts.risks.length)]), DIFF_CLOSE, "", cutLine(missing(every)), ""]);
  const risks = parts.risks.slice(0, fitting(parts.risks, room - reserve));
  const rest = risks.length < parts.risks.length ? [] : parts.rest.slice(0, fitting(parts.rest, room - reserve - cost(risks)));
  const open = rest.filter((line) => line === DIFF_OPEN).length > rest.filter((line) => line === DIFF_CLOSE).length;
  // The cut line starts a paragraph of its own: after a closed fence, or a blank line that ends a list.
  const closed = open ? [...rest, DIFF_CLOSE, ""] : rest.at(-1) === "" || !rest.length ? rest : [...rest, ""];
  const unsaid = parts.risks.length - risks.length;
  return [
    ...assemble({ risks: unsaid ? [...risks, moreRisks(unsaid)] : risks, rest: closed }),
    cutLine(missing([...parts.risks.slice(risks.length), ...parts.rest.slice(rest.length)])),
    "",
  ];
}

/** The comment's text; every list of lines here ends with an empty one, so the text ends in one line feed. */
const asText = (lines: string[]) => lines.join("\n");

export function reviewComment(review: Review, options: CommentOptions): string {
  const preview = options.previewDiff === undefined ? undefined : visibleLines(options.previewDiff.replace(/\n$/, ""));
  /** The body with the preview folded below it, whole or cut; undefined when not even the fold's frame fits. */
  const withPreview = (body: string[]): string[] | undefined => {
    if (!preview) return commentChars(asText(body)) <= options.maxChars ? body : undefined;
    // The closing empty line adds no line feed: the body's cost and the fold's are the comment's count.
    const whole = fold(preview, fenceFor(preview));
    if (cost(body) + cost(whole) <= options.maxChars) return [...body, ...whole, ""];
    const cut = cutFold(preview, options.maxChars - cost(body));
    return cut && [...body, ...cut, ""];
  };
  if (altersNoAccess(review)) return asText(withPreview([NO_CHANGE, ""]) ?? [NO_CHANGE, ""]);
  const parts = reviewLines(review);
  return asText(withPreview(assemble(parts)) ?? cutReview(parts, options.maxChars, options.wholeReviewAt, preview !== undefined));
}
