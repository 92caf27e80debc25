/** `cloudflare-iam generate`: writes code that adopts what an account already holds. */
import { Option } from "commander";
import { readAccount, snapshotNotes } from "../account/snapshot";
import { command, terminalLine, usageError } from "../command-line/program";
import { accessFile } from "../generator/access-file";
import { typescriptProgram } from "../generator/typescript";
import { accountOption, apiClientFromEnvironment, emit } from "./program";

export const generateCommand = () => {
  const cmd = command("generate")
    .description(
      "Read the account's resource groups, user groups (with policies and members), SSO connectors and OAuth clients, " +
        "and write an AccessPolicy access file (YAML) or a TypeScript program, every object with its adoptId. " +
        "Token and endpoint: CLOUDFLARE_API_TOKEN, CLOUDFLARE_BASE_URL.",
    )
    .addOption(accountOption())
    .addOption(new Option("--format <format>", "what to write").choices(["access", "typescript"]).default("access"))
    .option("--out <file>", "write to this file instead of stdout");
  return cmd.action(async (options: { account?: string; format: "access" | "typescript"; out?: string }) => {
    if (!options.account) usageError(cmd, "--account <id> is required (or set CLOUDFLARE_ACCOUNT_ID)");
    const snapshot = await readAccount(apiClientFromEnvironment(), options.account);
    for (const note of snapshotNotes(snapshot)) console.error(terminalLine(note));
    emit(options.format === "access" ? accessFile(snapshot) : typescriptProgram(snapshot), options.out);
    if (!options.out) return;
    const ownGroups = snapshot.resourceGroups.filter((g) => !g.system);
    const counts = [ownGroups, snapshot.userGroups, snapshot.ssoConnectors, snapshot.oauthClients].map((l) => l.length);
    console.error(`wrote ${options.out}: ${counts[0]} resource groups, ${counts[1]} user groups, ${counts[2]} SSO connectors, ${counts[3]} OAuth clients`);
  });
};
