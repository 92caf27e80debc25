/** What the commands of the `cloudflare-iam` CLI share beyond command-line/program.ts: the account, the API client, the output. */
import { writeFileSync } from "node:fs";
import { Option } from "commander";
import { AuthenticationError, CloudflareClient } from "../provider/client";
import { resolveApiSettings, TOKEN_ADVICE } from "../provider/config";

/** `--account`, from the command line or CLOUDFLARE_ACCOUNT_ID. */
export const accountOption = () => new Option("--account <id>", "the account id").env("CLOUDFLARE_ACCOUNT_ID");

/** `--format markdown|json`, Markdown by default: what the commands that read a preview write. */
export const formatOption = (what: string) => new Option("--format <format>", `how to write the ${what}`).choices(["markdown", "json"]).default("markdown");

/** The API client of a command: CLOUDFLARE_API_TOKEN and CLOUDFLARE_BASE_URL, as Cloudflare's own tools read them. */
export const apiClientFromEnvironment = () => new CloudflareClient(resolveApiSettings());

/** The CLI reads its token from the environment alone, so that is where a refused one is to be checked. */
export const tokenAdvice = (error: unknown) => (error instanceof AuthenticationError ? TOKEN_ADVICE.environment : undefined);

/** Writes a command's result to `--out`, or to stdout so it can be piped. */
export function emit(text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
