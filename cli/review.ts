/** `cloudflare-iam review`: who gains and who loses what, from the JSON of `pulumi preview --json`. */
import { readFileSync } from "node:fs";
import { Option } from "commander";
import { compareAccess, emptyReview, Review, reviewData } from "../access/compare";
import { reviewMarkdown } from "../access/markdown";
import { applyPreview, changesAnything, Preview, previewAccountId, previewSchema } from "../access/preview";
import { DEFAULT_ADMIN_GROUPS } from "../access/risk";
import { readAccount } from "../account/snapshot";
import { accountOption, apiClientFromEnvironment, command, emit, formatOption, EXIT } from "./program";

interface ReviewOptions {
  format: "markdown" | "json";
  failOn?: "risk";
  admin: string[];
  account?: string;
  out?: string;
}

export const adminOption = () =>
  new Option("--admin <groups...>", "names or labels of the permission groups that count as administrator-class").default(
    DEFAULT_ADMIN_GROUPS,
    DEFAULT_ADMIN_GROUPS.join(", "),
  );

export function readPreview(file: string): unknown {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file === "-" ? "stdin" : file} is not the JSON of \`pulumi preview --json\`: ${(error as Error).message}`);
  }
}

async function reviewOf(preview: Preview, options: ReviewOptions): Promise<Review> {
  const accountId = options.account ?? previewAccountId(preview);
  if (!accountId) throw new Error("the preview names no account: pass --account <id> (or set CLOUDFLARE_ACCOUNT_ID)");
  const before = await readAccount(apiClientFromEnvironment(), accountId);
  const planned = applyPreview(before, preview);
  return compareAccess(before, planned.after, { adminGroups: options.admin }, planned.outside, planned.notes, planned.risks);
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
    .option("--out <file>", "write to this file instead of stdout");
  return cmd.action(async (file: string, options: ReviewOptions) => {
    const parsed = previewSchema.safeParse(readPreview(file));
    if (!parsed.success) throw new Error(`${file} is not the JSON of \`pulumi preview --json\`: ${parsed.error.issues[0].message}`);
    const review = changesAnything(parsed.data) ? await reviewOf(parsed.data, options) : emptyReview();
    emit(options.format === "json" ? `${JSON.stringify(reviewData(review), null, 2)}\n` : reviewMarkdown(review), options.out);
    if (options.failOn === "risk" && review.risks.length) {
      console.error(`${cmd.parent?.name() ?? "cloudflare-iam"}: the review raises ${review.risks.length} risk${review.risks.length > 1 ? "s" : ""} (--fail-on risk)`);
      process.exitCode = EXIT.risk;
    }
  });
};
