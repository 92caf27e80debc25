/**
 * The CI recipes of examples/gitops cannot run here. This checks that each workflow parses,
 * has the shape GitHub Actions needs, and that every command it runs exists: `pulumi`
 * subcommands and flags in the real CLI, the rest among the runner's standard tools.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { PROJECT_ROOT, TOOLS_BIN } from "../support/pulumi";

const workflowDir = join(PROJECT_ROOT, "examples/gitops/.github/workflows");
const workflows = readdirSync(workflowDir).filter((f) => f.endsWith(".yml"));

/** Tools of a GitHub-hosted runner that the workflows may use besides pulumi. */
const runnerTools: Record<string, string[] | null> = { npm: ["ci"], gh: ["pr", "issue"], git: ["diff"], echo: null, cat: null, tee: null, set: null };
const CLI = join(PROJECT_ROOT, "dist/cli/cloudflare-iam.js");

interface Workflow {
  name: string;
  on: object;
  env?: Record<string, string>;
  jobs: Record<string, { "runs-on": string; env?: Record<string, string>; steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }[] }>;
}

const load = (file: string) => yaml.load(readFileSync(join(workflowDir, file), "utf8")) as Workflow;

/** Every simple command in a run script, as its words (GitHub expressions kept as one word). */
function commands(script: string): string[][] {
  return script
    .split("\n")
    .flatMap((line) => line.split(/\|\||&&|\||;/))
    .map((part) => part.replace(/\s+>>?\s*\S+/g, "").trim())
    .filter((part) => part && !part.startsWith("#"))
    .map((part) => part.match(/\$\{\{[^}]*\}\}|'[^']*'|"[^"]*"|\S+/g) ?? []);
}

const pulumiHelp = new Map<string, string>();
function helpOf(subcommand: string): string {
  if (!pulumiHelp.has(subcommand)) {
    pulumiHelp.set(subcommand, execFileSync(join(TOOLS_BIN, "pulumi"), [subcommand, "--help"], { encoding: "utf8" }));
  }
  return pulumiHelp.get(subcommand)!;
}

it("has the three recipes", () => {
  expect(workflows.sort()).toEqual(["deploy.yml", "drift.yml", "preview.yml"]);
});

it.each(workflows)("%s parses as a GitHub Actions workflow", (file) => {
  const workflow = load(file);
  expect(typeof workflow.name).toBe("string");
  expect(workflow.on).toBeDefined();
  for (const job of Object.values(workflow.jobs)) {
    expect(job["runs-on"]).toBeTruthy();
    expect(job.steps.length).toBeGreaterThan(0);
    for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
  }
});

it.each(workflows)("%s runs only commands that exist", (file) => {
  const scripts = Object.values(load(file).jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run] : [])));
  const used = scripts.flatMap(commands);
  expect(used.length).toBeGreaterThan(0);
  for (const [tool, subcommand, ...rest] of used) {
    if (tool === "pulumi") {
      const help = helpOf(subcommand);
      for (const flag of rest.filter((word) => word.startsWith("--"))) expect(`${subcommand} ${help}`).toContain(`${flag.split("=")[0]} `);
    } else if (tool === "npx") {
      // This package's own CLI, as `npx cloudflare-iam <command> ...`: every flag must be in that command's help.
      expect(subcommand).toBe("cloudflare-iam");
      const help = execFileSync(process.execPath, [CLI, rest[0], "--help"], { encoding: "utf8" });
      for (const flag of rest.filter((word) => word.startsWith("--"))) expect(help).toContain(`${flag} `);
    } else {
      expect(Object.keys(runnerTools)).toContain(tool);
      const allowed = runnerTools[tool];
      if (allowed) expect(allowed).toContain(subcommand);
    }
  }
});

it("runs the documented commands: preview on PRs, up on merge, the drift check on a schedule", () => {
  const runs = (file: string) =>
    Object.values(load(file).jobs)
      .flatMap((job) => job.steps.map((s) => s.run ?? ""))
      .join("\n");
  expect(runs("preview.yml")).toMatch(/pulumi preview --diff/);
  expect(runs("preview.yml")).toMatch(/gh pr comment/);
  expect(runs("preview.yml")).toMatch(/npx cloudflare-iam review preview\.json --out review\.md --comment comment\.md --changed-files changed\.txt --preview-diff preview\.txt/);
  expect(runs("preview.yml")).toMatch(/--fail-on risk/);
  expect(runs("preview.yml")).toMatch(/git diff --name-only "\$BASE_SHA\.\.\.\$HEAD_SHA" > changed\.txt/);
  expect(runs("deploy.yml")).toMatch(/pulumi up --yes/);
  expect(runs("drift.yml")).toMatch(/pulumi preview --refresh --json .*> preview\.json/);
  expect(load("drift.yml").on).toHaveProperty("schedule");
});

it("drift.yml opens or updates one issue with the attributed drift, closes it when drift is gone, with the read-only token", () => {
  const workflow = load("drift.yml") as Workflow & { env: Record<string, string>; permissions: Record<string, string> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps as { run?: string; if?: string }[]);
  expect(steps.map((s) => s.run ?? "").join("\n")).toMatch(/npx cloudflare-iam drift preview\.json .*--out drift\.md/);
  const gated = (command: string) => steps.find((s) => s.run?.startsWith(command))?.if;
  expect(gated("gh issue create")).toBe("steps.drift.outputs.drifted == 'true' && steps.issue.outputs.number == ''");
  expect(gated("gh issue edit")).toBe("steps.drift.outputs.drifted == 'true' && steps.issue.outputs.number != ''");
  expect(gated("gh issue close")).toBe("steps.drift.outputs.drifted == 'false' && steps.issue.outputs.number != ''");
  expect(workflow.permissions).toEqual({ contents: "read", issues: "write" });
});

/** Every Cloudflare token a workflow hands out, at any level, by the secret it comes from. */
function tokens(file: string): string[] {
  const workflow = load(file);
  const envs = [workflow.env, ...Object.values(workflow.jobs).flatMap((job) => [job.env, ...job.steps.map((s) => s.env)])];
  return [...new Set(envs.flatMap((env) => (env?.CLOUDFLARE_API_TOKEN ? [env.CLOUDFLARE_API_TOKEN] : [])))];
}

it("gives the pull request's code only the read-only token; only the deploy job holds the write token", () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
  expect(tokens("preview.yml")).toEqual(["${{ secrets.CLOUDFLARE_API_TOKEN_READ }}"]);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
  expect(tokens("drift.yml")).toEqual(["${{ secrets.CLOUDFLARE_API_TOKEN_READ }}"]);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
  expect(tokens("deploy.yml")).toEqual(["${{ secrets.CLOUDFLARE_API_TOKEN }}"]);
  // npm ci runs the pull request's package.json: no token reaches it.
  const steps = load("preview.yml").jobs.preview.steps;
  expect(steps.find((s) => s.run === "npm ci")?.env).toBeUndefined();
});

it("posts the bounded comment and keeps the whole review as an artifact", () => {
  const steps = load("preview.yml").jobs.preview.steps;
  expect(steps.find((s) => s.run?.startsWith("gh pr comment"))?.run).toMatch(/--body-file comment\.md$/);
  const kept = steps.find((s) => s.uses?.startsWith("actions/upload-artifact"));
  expect(String(kept?.with?.path).split("\n").filter(Boolean)).toEqual(["review.md", "preview.txt"]);
});
