#!/usr/bin/env node
/** `cloudflare-iam-emulator`: runs the local Cloudflare IAM API until interrupted. */
import { InvalidArgumentError, Option } from "commander";
import { command, packageVersion, run } from "../cli/program";
import { startEmulator } from "./server";

const number = (name: string, check: (n: number) => boolean) => (value: string) => {
  const parsed = Number(value);
  if (!check(parsed)) throw new InvalidArgumentError(`${name} takes a number, got ${value}`);
  return parsed;
};
const rate = number("a rate from 0 to 1", (n) => n >= 0 && n <= 1);
const nonNegative = number("a non-negative number", (n) => Number.isFinite(n) && n >= 0);

function rateLimit(value: string) {
  const [limit, seconds] = value.split("/").map(Number);
  if (!(limit > 0 && seconds > 0)) throw new InvalidArgumentError(`takes <requests>/<seconds>, got ${value}`);
  return { limit, windowMs: seconds * 1000 };
}

function latency(value: string): [number, number] {
  const [min, max = min] = value.split("-").map(Number);
  if (!(min >= 0 && max >= min)) throw new InvalidArgumentError(`takes <min>-<max> in milliseconds, got ${value}`);
  return [min, max];
}

interface Options {
  port: number;
  host: string;
  state?: string;
  token?: string;
  readOnlyToken?: string;
  account?: string;
  rateLimit?: { limit: number; windowMs: number } | boolean;
  fault429?: number;
  fault5xx?: number;
  latency?: [number, number];
  faultDrop?: number;
  membersPropagationMs?: number;
  auditLogDelayMs?: number;
}

const program = command("cloudflare-iam-emulator")
  .description("The local Cloudflare IAM API: the endpoints of account IAM under /client/v4, as the real API behaves")
  .version(packageVersion(), "-V, --version", "print the version")
  .addOption(new Option("--port <n>", "port to listen on; 0 picks a free one").argParser(nonNegative).default(8787))
  .option("--host <addr>", "address to bind", "127.0.0.1")
  .option("--state <file>", "persist the account to this JSON file (default: memory only)")
  .option("--token <t>", "the API token to accept (default local-emulator-token)")
  .option("--read-only-token <t>", "a second token that may read but not write: every write answers 403, code 10000")
  .option("--account <id>", "the account id (default 023e105f4ecef8ad9ca31a8372d0c353)")
  .option("--rate-limit <n/s>", "allow n requests per s seconds per token (default 1200/300)", rateLimit)
  .option("--no-rate-limit", "switch the rate limit off")
  .option("--fault-429 <rate>", "answer this share of requests 429 with Retry-After", rate)
  .option("--fault-5xx <rate>", "answer this share of requests 500 or 503", rate)
  .option("--latency <min-max>", "add this many milliseconds to every request", latency)
  .option("--fault-drop <rate>", "apply this share of writes, then drop the connection unanswered", rate)
  .option("--members-propagation-ms <n>", "how long a new user group's members answer 404 (default 1000)", nonNegative)
  .option("--audit-log-delay-ms <n>", "how long an audit-log entry takes to appear (default 0; the real API takes 3 to 8 minutes)", nonNegative)
  .action(async (options: Options) => {
    const emulator = await startEmulator({
      port: options.port,
      host: options.host,
      stateFile: options.state,
      token: options.token,
      readOnlyToken: options.readOnlyToken,
      accountId: options.account,
      rateLimit: options.rateLimit === true ? undefined : options.rateLimit,
      membersPropagationMs: options.membersPropagationMs,
      auditLogDelayMs: options.auditLogDelayMs,
      faults: {
        rateLimitRate: options.fault429,
        serverErrorRate: options.fault5xx,
        dropAfterWriteRate: options.faultDrop,
        latencyMs: options.latency,
      },
    });
    console.log(`Cloudflare IAM API emulator listening on ${emulator.baseUrl} (account ${emulator.accountId})`);
    const stop = () => void emulator.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });

void run(program, process.argv);
