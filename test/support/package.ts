/** Packs the package as `npm publish` would, from a copy of the tree, so its prepack build leaves this checkout's dist/ alone. */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT, TOOLS_BIN } from "./pulumi";

export const exec = promisify(execFile);

/** The environment of the project's commands: its Node first on PATH. */
export const toolsEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, PATH: `${TOOLS_BIN}:${process.env.PATH}`, ...extra });

export interface Packed {
  tarball: string;
  /** The paths inside the package, as `npm pack` lists them. */
  files: string[];
}

export async function packPackage(): Promise<Packed> {
  const copy = mkdtempSync(join(tmpdir(), "pack-src-"));
  const { stdout } = await exec("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 });
  for (const file of stdout.split("\0").filter(Boolean)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(PROJECT_ROOT, file), join(copy, file));
  }
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(copy, "node_modules"));
  const out = mkdtempSync(join(tmpdir(), "pack-out-"));
  const packed = await exec("npm", ["pack", "--json", "--pack-destination", out], { cwd: copy, env: toolsEnv(), maxBuffer: 64 << 20 });
  const [result] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(out, result.filename), files: result.files.map((f) => f.path).sort() };
}
