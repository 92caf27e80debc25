/** `cloudflare-iam generate`: writes code that adopts what an account already holds. */
import { writeFileSync } from "node:fs";
import { Option } from "commander";
import { accessFile } from "../generator/access-file";
import { readAccount, snapshotNotes } from "../generator/read-account";
import { typescriptProgram } from "../generator/typescript";
import { CloudflareClient } from "../provider/client";
import { resolveApiSettings } from "../provider/config";
import { command, usageError } from "./program";

export const generateCommand = () => {
  const cmd = command("generate")
    .description(
      "Read the account's resource groups, user groups (with policies and members), SSO connectors and OAuth clients, " +
        "and write an AccessPolicy access file (YAML) or a TypeScript program, every object with its adoptId. " +
        "Token and endpoint: CLOUDFLARE_API_TOKEN, CLOUDFLARE_BASE_URL.",
    )
    .addOption(new Option("--account <id>", "the account id").env("CLOUDFLARE_ACCOUNT_ID"))
    .addOption(new Option("--format <format>", "what to write").choices(["access", "typescript"]).default("access"))
    .option("--out <file>", "write to this file instead of stdout");
  return cmd.action(async (options: { account?: string; format: "access" | "typescript"; out?: string }) => {
    if (!options.account) usageError(cmd, "--account <id> is required (or set CLOUDFLARE_ACCOUNT_ID)");
    const snapshot = await readAccount(new CloudflareClient(resolveApiSettings()), options.account);
    const text = options.format === "access" ? accessFile(snapshot) : typescriptProgram(snapshot);
    for (const note of snapshotNotes(snapshot)) console.error(note);
    if (!options.out) {
      process.stdout.write(text);
      return;
    }
    writeFileSync(options.out, text);
    const counts = [snapshot.resourceGroups, snapshot.userGroups, snapshot.ssoConnectors, snapshot.oauthClients].map((l) => l.length);
    console.error(`wrote ${options.out}: ${counts[0]} resource groups, ${counts[1]} user groups, ${counts[2]} SSO connectors, ${counts[3]} OAuth clients`);
  });
};
