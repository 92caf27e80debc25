#!/usr/bin/env node
/** `cloudflare-iam generate`: writes code that adopts what an account already holds. */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CloudflareClient } from "../provider/client";
import { resolveAccountId, resolveApiSettings } from "../provider/config";
import { accessFile } from "../generator/access-file";
import { readAccount, snapshotNotes } from "../generator/read-account";
import { typescriptProgram } from "../generator/typescript";

const usage = `Usage: cloudflare-iam generate --account <id> [--format access|typescript] [--out <file>]
  Reads the account's resource groups, user groups (with policies and members), SSO connectors
  and OAuth clients, and writes an AccessPolicy access file (YAML, the default) or a TypeScript
  program, every object with its adoptId. Token and endpoint: CLOUDFLARE_API_TOKEN, CLOUDFLARE_BASE_URL.`;

async function generate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { account: { type: "string" }, format: { type: "string", default: "access" }, out: { type: "string" } },
  });
  const accountId = values.account ?? resolveAccountId();
  if (!accountId) throw new Error("--account is required (or CLOUDFLARE_ACCOUNT_ID)");
  if (values.format !== "access" && values.format !== "typescript") throw new Error(`--format must be access or typescript, not ${values.format}`);
  const snapshot = await readAccount(new CloudflareClient(resolveApiSettings()), accountId);
  const text = values.format === "access" ? accessFile(snapshot) : typescriptProgram(snapshot);
  for (const note of snapshotNotes(snapshot)) console.error(note);
  if (values.out) {
    writeFileSync(values.out, text);
    const counts = [snapshot.resourceGroups, snapshot.userGroups, snapshot.ssoConnectors, snapshot.oauthClients].map((l) => l.length);
    console.error(`wrote ${values.out}: ${counts[0]} resource groups, ${counts[1]} user groups, ${counts[2]} SSO connectors, ${counts[3]} OAuth clients`);
  } else {
    process.stdout.write(text);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "generate") return generate(rest);
  console.log(usage);
  if (command !== "--help" && command !== "help") process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`cloudflare-iam: ${error.message}`);
  process.exit(1);
});
