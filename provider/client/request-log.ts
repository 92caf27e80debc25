/**
 * Opt-in request logging, for people debugging a real account: `CLOUDFLARE_IAM_LOG=requests`
 * writes one line per attempt to stderr. A line holds the method, the path (ids only, each
 * segment encoded by apiPath), the status, the attempt and why it is retried; never a header
 * (the token), a query (names), or a body (secrets, names).
 */

export interface RequestAttempt {
  method: string;
  path: string;
  /** Absent when no answer came (connection lost, timeout). */
  status?: number;
  attempt: number;
  /** Why another attempt follows, when one does. */
  retry?: string;
}

export type RequestLog = (attempt: RequestAttempt) => void;

export const LOG_VARIABLE = "CLOUDFLARE_IAM_LOG";

export function formatAttempt({ method, path, status, attempt, retry }: RequestAttempt): string {
  const outcome = status === undefined ? "no answer" : `HTTP ${status}`;
  return `cloudflare-iam: ${method} ${path} -> ${outcome} (attempt ${attempt}${retry ? `; retrying: ${retry}` : ""})`;
}

/** The log the environment asks for: lines on stderr with CLOUDFLARE_IAM_LOG=requests, otherwise none. */
export function requestLogFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): RequestLog | undefined {
  const wanted = (env[LOG_VARIABLE] ?? "").split(",").map((v) => v.trim());
  return wanted.includes("requests") ? (attempt) => write(formatAttempt(attempt)) : undefined;
}
