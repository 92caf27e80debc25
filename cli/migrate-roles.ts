/** `cloudflare-iam migrate-roles`: the plan that moves an account's legacy roles onto permission-group policies, before any change. */
import { Option } from "commander";
import { roleMigration } from "../access/role-migration";
import { planJson, planMarkdown, planText } from "../access/role-migration-output";
import { readAccount } from "../account/snapshot";
import { command, usageError } from "../command-line/program";
import { accountOption, apiClientFromEnvironment, emit } from "./program";

const RENDERERS = { text: planText, markdown: planMarkdown, json: planJson };

export const migrateRolesCommand = () => {
  const cmd = command("migrate-roles")
    .description(
      "Print, member by member, what becomes of each legacy role (deprecated by Cloudflare): the permission-group policy that " +
        "replaces it, or why it is kept. Reads the account only (CLOUDFLARE_API_TOKEN, CLOUDFLARE_BASE_URL); the change itself is " +
        "the program `generate --format typescript` writes, reviewed and applied as any other.",
    )
    .addOption(accountOption())
    .addOption(new Option("--format <format>", "how to write the plan").choices(Object.keys(RENDERERS)).default("text"))
    .option("--out <file>", "write to this file instead of stdout");
  return cmd.action(async (options: { account?: string; format: keyof typeof RENDERERS; out?: string }) => {
    if (!options.account) usageError(cmd, "--account <id> is required (or set CLOUDFLARE_ACCOUNT_ID)");
    const snapshot = await readAccount(apiClientFromEnvironment(), options.account);
    emit(RENDERERS[options.format]({ accountId: snapshot.accountId, rolesUnknown: snapshot.rolesUnknown }, roleMigration(snapshot)), options.out);
  });
};
