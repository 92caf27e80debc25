/**
 * What every command-line program of the package shares (cloudflare-iam, cloudflare-iam-emulator):
 * commander's parsing, `--help` and `--version`, exit code 2 for usage errors and 1 for failures,
 * each reported in one line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { visible } from "../access/inert";

/** Exit codes: 0 done, 1 the work failed, 2 the command line is wrong, 3 a review raised a risk under `--fail-on risk`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, risk: 3 } as const;

/** The installed package's version (dist/command-line/ sits two levels below package.json). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
}

/** A command (or the program) that reports usage errors as commander's one line, with exit code 2. */
export function command(name: string): Command {
  return new Command(name).showSuggestionAfterError(false).exitOverride((error) => {
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

/** Runs the program; every outcome (a failure with the caller's advice, if any) becomes one line on stderr (unless it is help) and an exit code. */
export async function run(program: Command, argv: string[], adviceFor: (error: unknown) => string | undefined = () => undefined): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; commander has already printed its one-line usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const advice = adviceFor(error);
    console.error(`${program.name()}: ${terminalLine(advice ? `${message}. ${advice}` : message)}`);
    process.exitCode = EXIT.failed;
  }
}
