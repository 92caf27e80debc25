/** `cloudflare-iam review`: who gains and who loses what, from the JSON of `pulumi preview --json`. */
import { readFileSync, writeFileSync } from "node:fs";
import { InvalidArgumentError, Option } from "commander";
import { changedPaths, notReviewedPaths } from "../access/changed-files";
import { DEFAULT_COMMENT_CHARS, GITHUB_COMMENT_LIMIT, MIN_COMMENT_CHARS, reviewComment } from "../access/comment";
import { compareAccess, emptyReview, type Review, type Risk, reviewData } from "../access/compare";
import { inertJson } from "../access/inert";
import { reviewMarkdown } from "../access/markdown";
import { applyPreview, changesAnything, type Preview, previewAccountId, previewSchema } from "../access/preview";
import { DEFAULT_ADMIN_GROUPS } from "../access/risk";
import { readAccount } from "../account/snapshot";
import { command, EXIT, usageError } from "../command-line/program";
import { accountOption, apiClientFromEnvironment, emit, formatOption } from "./program";

interface ReviewOptions {
  format: "markdown" | "json";
  failOn?: "risk";
  admin: string[];
  account?: string;
  out?: string;
  comment?: string;
  maxChars: number;
  previewDiff?: string;
  wholeReviewAt?: string;
  changedFiles?: string;
  accessFile: string;
}

function commentBound(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_COMMENT_CHARS || n > GITHUB_COMMENT_LIMIT) {
    throw new InvalidArgumentError(`takes a whole number from ${MIN_COMMENT_CHARS} to ${GITHUB_COMMENT_LIMIT} (GitHub's limit), got ${value}`);
  }
  return n;
}

export const adminOption = () =>
  new Option("--admin <groups...>", "names or labels of the permission groups that count as administrator-class").default(DEFAULT_ADMIN_GROUPS, DEFAULT_ADMIN_GROUPS.join(", "));

export function readPreview(file: string): unknown {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file === "-" ? "stdin" : file} is not the JSON of \`pulumi preview --json\`: ${(error as Error).message}`);
  }
}

async function reviewOf(preview: Preview, options: ReviewOptions, notReviewed: Risk[]): Promise<Review> {
  const accountId = options.account ?? previewAccountId(preview);
  if (!accountId) throw new Error("the preview names no account: pass --account <id> (or set CLOUDFLARE_ACCOUNT_ID)");
  const before = await readAccount(apiClientFromEnvironment(), accountId);
  const planned = applyPreview(before, preview);
  return compareAccess(before, planned.after, { adminGroups: options.admin }, planned.outside, planned.notes, [...notReviewed, ...planned.risks]);
}

export const reviewCommand = () => {
  const cmd = command("review")
    .description(
      "Review the access change a `pulumi preview --json` plans: for each person, the permission groups they gain and lose, where, " +
        "and through which group; group, OAuth client and SSO changes; risks first. Reads the account through the API " +
        "(CLOUDFLARE_API_TOKEN, CLOUDFLARE_BASE_URL) for names and for what the preview leaves unchanged.",
    )
    .argument("[preview]", "the JSON of `pulumi preview --json`: a file, or - for stdin", "-")
    .addOption(formatOption("review"))
    .addOption(new Option("--fail-on <condition>", `exit ${EXIT.risk} when the review raises a risk (a CI gate)`).choices(["risk"]))
    .addOption(adminOption())
    .addOption(accountOption())
    .option("--out <file>", "write to this file instead of stdout")
    .option("--comment <file>", "also write the review as a pull-request comment, in Markdown, within --max-chars: the risks whole, the rest cut at a line")
    .addOption(new Option("--max-chars <n>", "the bound of --comment, counting a line break as two").argParser(commentBound).default(DEFAULT_COMMENT_CHARS))
    .option("--preview-diff <file>", "the text of `pulumi preview --diff`, folded below the review in --comment (cut first)")
    .option("--whole-review-at <where>", "where readers find the whole review, said in --comment when it is cut (default: the --out file)")
    .option("--changed-files <file>", "the paths the pull request changes, one a line (`git diff --name-only`): each but --access-file is a risk")
    .option("--access-file <path>", "the access file's path in the repository, as --changed-files names it", "access.yaml");
  return cmd.action(async (file: string, options: ReviewOptions) => {
    const parsed = previewSchema.safeParse(readPreview(file));
    if (!parsed.success) throw new Error(`${file} is not the JSON of \`pulumi preview --json\`: ${parsed.error.issues[0].message}`);
    if (!options.comment && [options.previewDiff, options.wholeReviewAt].some(Boolean))
      usageError(cmd, "--preview-diff and --whole-review-at shape --comment: pass --comment <file>");
    const notReviewed = options.changedFiles ? notReviewedPaths(changedPaths(readFileSync(options.changedFiles, "utf8")), options.accessFile) : [];
    const previewDiff = options.previewDiff === undefined ? undefined : readFileSync(options.previewDiff, "utf8");
    const review = changesAnything(parsed.data) ? await reviewOf(parsed.data, options, notReviewed) : { ...emptyReview(), risks: notReviewed };
    emit(options.format === "json" ? inertJson(reviewData(review)) : reviewMarkdown(review), options.out);
    const wholeReviewAt = options.wholeReviewAt ?? options.out ?? "the standard output of cloudflare-iam review";
    if (options.comment) writeFileSync(options.comment, reviewComment(review, { maxChars: options.maxChars, previewDiff, wholeReviewAt }));
    if (options.failOn === "risk" && review.risks.length) {
      console.error(`${cmd.parent?.name() ?? "cloudflare-iam"}: the review raises ${review.risks.length} risk${review.risks.length > 1 ? "s" : ""} (--fail-on risk)`);
      process.exitCode = EXIT.risk;
    }
  });
};
