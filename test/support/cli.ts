/** Runs the built `cloudflare-iam` command as a user would, and tells how it ended. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "./pulumi";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cloudflareIam(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(PROJECT_ROOT, "dist/cli/cloudflare-iam.js"), ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** Runs it, and fails loudly, with what it said, unless it exits 0. */
export async function cloudflareIamOk(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const run = await cloudflareIam(args, env);
  if (run.code !== 0) throw new Error(`cloudflare-iam ${args.join(" ")} exited ${run.code}:\n${run.stderr}`);
  return run;
}
