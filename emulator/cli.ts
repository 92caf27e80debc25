#!/usr/bin/env node
/** `cloudflare-iam-emulator`: runs the local Cloudflare IAM API until interrupted. */
import { parseArgs } from "node:util";
import { startEmulator } from "./server";

const usage = `Usage: cloudflare-iam-emulator [options]
  --port <n>              port to listen on (default 8787; 0 picks a free one)
  --host <addr>           address to bind (default 127.0.0.1)
  --state <file>          persist the account to this JSON file (default: memory only)
  --token <t>             the API token to accept (default local-emulator-token)
  --account <id>          the account id (default 023e105f4ecef8ad9ca31a8372d0c353)
  --rate-limit <n>/<s>    allow n requests per s seconds per token (default 1200/300)
  --no-rate-limit         switch the rate limit off
  --fault-429 <rate>      answer this share of requests 429 with Retry-After
  --fault-5xx <rate>      answer this share of requests 500 or 503
  --latency <min>-<max>   add this many milliseconds to every request
  --fault-drop <rate>     apply this share of writes, then drop the connection unanswered
  --members-propagation-ms <n>
                          how long a new user group's /members answers 404 (default 1000)`;

function rateLimit(value: string | undefined, disabled: boolean) {
  if (disabled) return false as const;
  if (!value) return undefined;
  const [limit, seconds] = value.split("/").map(Number);
  if (!(limit > 0 && seconds > 0)) throw new Error(`--rate-limit takes <requests>/<seconds>, got ${value}`);
  return { limit, windowMs: seconds * 1000 };
}

function latency(value: string | undefined): [number, number] | undefined {
  if (!value) return undefined;
  const [min, max = min] = value.split("-").map(Number);
  return [min, max];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8787" },
      host: { type: "string", default: "127.0.0.1" },
      state: { type: "string" },
      token: { type: "string" },
      account: { type: "string" },
      "rate-limit": { type: "string" },
      "no-rate-limit": { type: "boolean", default: false },
      "fault-429": { type: "string" },
      "fault-5xx": { type: "string" },
      latency: { type: "string" },
      "fault-drop": { type: "string" },
      "members-propagation-ms": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const optionalNumber = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const emulator = await startEmulator({
    port: Number(values.port),
    host: values.host,
    stateFile: values.state,
    token: values.token,
    accountId: values.account,
    rateLimit: rateLimit(values["rate-limit"], values["no-rate-limit"] ?? false),
    membersPropagationMs: optionalNumber(values["members-propagation-ms"]),
    faults: {
      rateLimitRate: optionalNumber(values["fault-429"]),
      serverErrorRate: optionalNumber(values["fault-5xx"]),
      dropAfterWriteRate: optionalNumber(values["fault-drop"]),
      latencyMs: latency(values.latency),
    },
  });
  console.log(`Cloudflare IAM API emulator listening on ${emulator.baseUrl} (account ${emulator.accountId})`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`cloudflare-iam-emulator: ${error.message}\n\n${usage}`);
  process.exit(2);
});
