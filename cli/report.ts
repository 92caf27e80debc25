/** `cloudflare-iam report`: the account's current effective access, as an HTML page or JSON. */
import { Option } from "commander";
import { accessReport, reportHtml } from "../access/report";
import { readAccount } from "../account/snapshot";
import { command, usageError } from "../command-line/program";
import { accountOption, apiClientFromEnvironment, emit } from "./program";
import { adminOption } from "./review";

export const reportCommand = () => {
  const cmd = command("report")
    .description(
      "Write the account's current effective access: members down the side, permission groups across, one table per " +
        "resource group, each cell naming the groups that grant it, risky cells marked. One self-contained HTML page, or JSON.",
    )
    .addOption(accountOption())
    .addOption(new Option("--format <format>", "what to write").choices(["html", "json"]).default("html"))
    .addOption(adminOption())
    .option("--out <file>", "write to this file instead of stdout");
  return cmd.action(async (options: { account?: string; format: "html" | "json"; admin: string[]; out?: string }) => {
    if (!options.account) usageError(cmd, "--account <id> is required (or set CLOUDFLARE_ACCOUNT_ID)");
    const report = accessReport(await readAccount(apiClientFromEnvironment(), options.account), { adminGroups: options.admin });
    emit(options.format === "html" ? reportHtml(report) : `${JSON.stringify(report, null, 2)}\n`, options.out);
  });
};
