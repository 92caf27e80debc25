/**
 * The package as npm would publish it: prepack builds it from scratch, it ships exactly the
 * runtime, and the package linters (publint, and arethetypeswrong for the types) pass.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exec, type Packed, packPackage, toolsEnv } from "../support/package";
import { PROJECT_ROOT } from "../support/pulumi";

jest.setTimeout(180_000);

let packed: Packed;
beforeAll(async () => {
  packed = await packPackage();
});

const bin = (name: string) => join(PROJECT_ROOT, "node_modules/.bin", name);

it("ships the compiled runtime, its types, README, LICENSE and package.json, and nothing else", () => {
  const stray = packed.files.filter((file) => !/^dist\/.+\.(js|d\.ts)$/.test(file) && !["README.md", "LICENSE", "package.json"].includes(file));
  expect(stray).toEqual([]);
  for (const entry of ["dist/sdk/index.js", "dist/sdk/index.d.ts", "dist/provider/index.js", "dist/emulator/index.js", "dist/cli/cloudflare-iam.js"]) {
    expect(packed.files).toContain(entry);
  }
  expect(packed.files.filter((file) => file.startsWith("dist/test/") || file.endsWith(".map") || file.includes("tsbuildinfo"))).toEqual([]);
});

it("declares @pulumi/pulumi as a peer, caret ranges for the rest, and the Node it needs", () => {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
  expect(pkg.dependencies["@pulumi/pulumi"]).toBeUndefined();
  expect(pkg.peerDependencies["@pulumi/pulumi"]).toMatch(/^\^3\./);
  expect(Object.values(pkg.dependencies).filter((range) => !String(range).startsWith("^"))).toEqual([]);
  expect(pkg.engines.node).toBe(">=22");
});

it("passes publint, strict", async () => {
  const { stdout } = await exec(bin("publint"), ["run", "--strict", packed.tarball], { env: toolsEnv() });
  expect(stdout).toContain("All good!");
});

it("passes arethetypeswrong: its types resolve under node10, node16 (CJS and ESM) and bundlers", async () => {
  const { stdout } = await exec(bin("attw"), [packed.tarball, "--format", "json"], { env: toolsEnv(), maxBuffer: 16 << 20 });
  const report = JSON.parse(stdout) as { analysis: { problems: unknown[] }; problems?: unknown[] };
  expect(report.analysis.problems).toEqual([]);
});
