/** `cloudflare-iam generate`: writes code that adopts what an account already holds. */
import { Option } from "commander";
import { type MemberMigration, roleMigration } from "../access/role-migration";
import { type AccountSnapshot, readAccount, snapshotNotes } from "../account/snapshot";
import { command, terminalLine, usageError } from "../command-line/program";
import { accessFile } from "../generator/access-file";
import { migrationNotes, typescriptProgram } from "../generator/typescript";
import { accountOption, apiClientFromEnvironment, emit } from "./program";

type Format = "access" | "typescript";

/** What the code leaves out or does about members' roles: the program states each member's; an access file states none. */
function memberNotes(format: Format, members: MemberMigration[]): string[] {
  if (format === "typescript") return members.flatMap(migrationNotes);
  return members.length ? [`${members.length} members hold roles or policies of their own, which an access file does not state: --format typescript writes them`] : [];
}

const written = (format: Format, snapshot: AccountSnapshot, members: MemberMigration[]) => {
  const ownGroups = snapshot.resourceGroups.filter((g) => !g.system);
  const counts = [ownGroups, snapshot.userGroups, snapshot.ssoConnectors, snapshot.oauthClients].map((l) => l.length);
  const memberCount = format === "typescript" ? `, ${members.filter((m) => !("leftOut" in m.manages)).length} account members` : "";
  return `${counts[0]} resource groups, ${counts[1]} user groups, ${counts[2]} SSO connectors, ${counts[3]} OAuth clients${memberCount}`;
};

export const generateCommand = () => {
  const cmd = command("generate")
    .description(
      "Read the account's resource groups, user groups (with policies and members), SSO connectors and OAuth clients, " +
        "and write an AccessPolicy access file (YAML) or a TypeScript program, every object with its adoptId. The program also " +
        "writes each member holding roles or policies of its own, with a policy in place of each role that has an equivalent permission group. " +
        "Token and endpoint: CLOUDFLARE_API_TOKEN, CLOUDFLARE_BASE_URL.",
    )
    .addOption(accountOption())
    .addOption(new Option("--format <format>", "what to write").choices(["access", "typescript"]).default("access"))
    .option("--out <file>", "write to this file instead of stdout");
  return cmd.action(async (options: { account?: string; format: Format; out?: string }) => {
    if (!options.account) usageError(cmd, "--account <id> is required (or set CLOUDFLARE_ACCOUNT_ID)");
    const snapshot = await readAccount(apiClientFromEnvironment(), options.account);
    const members = roleMigration(snapshot);
    for (const note of [...snapshotNotes(snapshot), ...memberNotes(options.format, members)]) console.error(terminalLine(note));
    emit(options.format === "access" ? accessFile(snapshot) : typescriptProgram(snapshot), options.out);
    if (options.out) console.error(`wrote ${options.out}: ${written(options.format, snapshot, members)}`);
  });
};
