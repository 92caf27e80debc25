/**
 * What every command of the `cloudflare-iam` CLI shares: commander's parsing, `--help` and
 * `--version`, exit code 2 for usage errors and 1 for failures, each reported in one line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";

/** Exit codes: 0 done, 1 the work failed, 2 the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

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
    console.error(`${program.name()}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT.failed;
  }
}
