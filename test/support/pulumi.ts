/** Runs the real `pulumi` CLI from .tools/bin against a throw-away local backend. */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const PROJECT_ROOT = resolve(__dirname, "../..");
export const TOOLS_BIN = join(PROJECT_ROOT, ".tools", "bin");

export interface PulumiRun {
  code: number;
  stdout: string;
  stderr: string;
}

export class PulumiWorkspace {
  readonly backendDir = mkdtempSync(join(tmpdir(), "pulumi-backend-"));

  constructor(
    readonly programDir: string,
    readonly stack: string,
    readonly extraEnv: Record<string, string> = {},
  ) {}

  get env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PATH: `${TOOLS_BIN}:${process.env.PATH}`,
      PULUMI_HOME: join(PROJECT_ROOT, ".tools", "pulumi-home"),
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      ...this.extraEnv,
    };
  }

  /** Runs `pulumi`; `input` goes to its stdin (how a secret is set without putting it in any process's arguments). */
  run(args: string[], timeoutMs = 240_000, input?: string): Promise<PulumiRun> {
    return new Promise((done) => {
      const child = execFile(
        join(TOOLS_BIN, "pulumi"),
        [...args, "--non-interactive", "--color", "never"],
        { cwd: this.programDir, env: this.env, timeout: timeoutMs, maxBuffer: 64 << 20 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          done({ code, stdout, stderr });
        },
      );
      child.stdin?.end(input ?? "");
    });
  }

  /** Runs and fails loudly, with the CLI's own output, when the command does not succeed. */
  async ok(args: string[], input?: string): Promise<string> {
    const result = await this.run(args, undefined, input);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
  }

  async init(config: Record<string, string> = {}): Promise<void> {
    await this.ok(["stack", "init", this.stack]);
    for (const [key, value] of Object.entries(config)) await this.ok(["config", "set", key, value, "--stack", this.stack]);
  }

  /** Sets a secret config value, piped through stdin so no process's arguments ever hold it. */
  setSecret(key: string, value: string): Promise<string> {
    return this.ok(["config", "set", "--secret", key, "--stack", this.stack], value);
  }

  /** Creates the stack pointed at `endpoint` through the package's own config keys, the token a secret. */
  async initFor(endpoint: { baseUrl: string; accountId: string; token: string }, config: Record<string, string> = {}): Promise<void> {
    await this.init({ "cloudflare-iam:baseUrl": endpoint.baseUrl, "cloudflare-iam:accountId": endpoint.accountId, ...config });
    await this.setSecret("cloudflare-iam:apiToken", endpoint.token);
  }

  /** The text of every file the local backend holds: what leak checks search. */
  backendTexts(dir = this.backendDir): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? this.backendTexts(path) : [readFileSync(path, "utf8")];
    });
  }

  async outputs(): Promise<Record<string, unknown>> {
    return JSON.parse(await this.ok(["stack", "output", "--json", "--show-secrets", "--stack", this.stack]));
  }
}

export interface RefreshChange {
  op: "update" | "delete";
  name: string;
}

/** The resources `pulumi refresh --diff` reports as updated or deleted, by resource name. */
export function refreshChanges(output: string): RefreshChange[] {
  const pattern = /^\s*[~-] \S+: \((update|delete)\)\n(?:\s*\[id=[^\]]*\]\n)?\s*\[urn=[^\]]*::([^\]:]+)\]/gm;
  return [...output.matchAll(pattern)].map((m) => ({ op: m[1] as RefreshChange["op"], name: m[2] }));
}

export interface PreviewStep {
  op: string;
  name: string;
}

/** The steps of `pulumi preview --json` that change something, by resource name. */
export function previewChanges(json: string): PreviewStep[] {
  const preview = JSON.parse(json) as { steps: { op: string; urn: string }[] };
  return preview.steps.filter((s) => s.op !== "same").map((s) => ({ op: s.op, name: s.urn.split("::").pop()! }));
}
