/** The toolchain set up by scripts/setup.sh: the pinned CLI runs a real update on a local backend. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT, PulumiWorkspace, TOOLS_BIN } from "../support/pulumi";

const pinned: string = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).devDependencies["@pulumi/pulumi"];

it("has the pinned Pulumi CLI in .tools/bin", () => {
  expect(execFileSync(join(TOOLS_BIN, "pulumi"), ["version"]).toString().trim()).toBe(`v${pinned}`);
});

it("runs Node >= 22 from .tools/bin", () => {
  const version = execFileSync(join(TOOLS_BIN, "node"), ["--version"]).toString().trim();
  expect(Number(/^v(\d+)/.exec(version)?.[1])).toBeGreaterThanOrEqual(22);
});

it("creates and destroys a one-resource dynamic-provider program", async () => {
  const workspace = new PulumiWorkspace(join(PROJECT_ROOT, "test/fixtures/trivial-dynamic"), "toolchain");
  await workspace.init({ message: "it works" });
  const up = await workspace.ok(["up", "--yes", "--skip-preview"]);
  expect(up).toMatch(/\+ 2 created/);
  expect(await workspace.outputs()).toEqual({ shouted: "IT WORKS" });
  const destroy = await workspace.ok(["destroy", "--yes", "--skip-preview"]);
  expect(destroy).toMatch(/- 2 deleted/);
  await workspace.ok(["stack", "rm", "--yes", "toolchain"]);
}, 180_000);
