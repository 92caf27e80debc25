/**
 * What every command of the `cloudflare-iam` CLI shares: commander's parsing, `--help` and
 * `--version`, exit code 2 for usage errors and 1 for failures, each reported in one line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { visible } from "../access/inert";
import { CloudflareClient } from "../provider/client";
import { resolveApiSettings } from "../provider/config";

/** Exit codes: 0 done, 1 the work failed, 2 the command line is wrong, 3 a review raised a risk under `--fail-on risk`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, risk: 3 } as const;

/** The installed package's version (dist/cli/ sits two levels below package.json). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
}

/** A command (or the program) that reports usage errors as commander's one line, with exit code 2. */
export function command(name: string): Command {
  return new Command(name)
    .showSuggestionAfterError(false)
    .exitOverride((error) => {
      throw error;
    });
}

/** A usage error found after parsing (a value no option type can check): one line, exit 2. */
export function usageError(cmd: Command, message: string): never {
  cmd.error(`error: ${message}`, { exitCode: EXIT.usage, code: "cloudflare-iam.usage" });
}

/** How much of a message reaches the terminal: whole for any message of ours, bounded for one that carries a huge name. */
export const MAX_MESSAGE_CHARS = 10_000;

/** A message for the terminal: it can carry account data (names, emails), so it is shown inert, on one line, as every name is. */
export const terminalLine = (message: string) => visible(message, MAX_MESSAGE_CHARS);

/** Runs the program; every outcome becomes one line on stderr (unless it is help) and an exit code. */
export async function run(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; commander has already printed its one-line usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    console.error(`${program.name()}: ${terminalLine(error instanceof Error ? error.message : String(error))}`);
    process.exitCode = EXIT.failed;
  }
}

/** `--account`, from the command line or CLOUDFLARE_ACCOUNT_ID. */
export const accountOption = () => new Option("--account <id>", "the account id").env("CLOUDFLARE_ACCOUNT_ID");

/** `--format markdown|json`, Markdown by default: what the commands that read a preview write. */
export const formatOption = (what: string) => new Option("--format <format>", `how to write the ${what}`).choices(["markdown", "json"]).default("markdown");

/** The API client of a command: CLOUDFLARE_API_TOKEN and CLOUDFLARE_BASE_URL, as Cloudflare's own tools read them. */
export const apiClientFromEnvironment = () => new CloudflareClient(resolveApiSettings());

/** Writes a command's result to `--out`, or to stdout so it can be piped. */
export function emit(text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
