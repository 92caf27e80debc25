/** Every example, and the demo program, type-checks against the package's published types. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as yaml from "js-yaml";
import * as ts from "typescript";
import { PROJECT_ROOT } from "../support/pulumi";

const programs = [
  ...readdirSync(join(PROJECT_ROOT, "examples"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join("examples", entry.name)),
  "demo",
];

it("finds the five examples and the demo", () => {
  expect(programs.sort()).toEqual(
    ["demo", "examples/adopt-existing", "examples/gitops", "examples/oauth-client-rotation", "examples/quickstart", "examples/sso-with-dns-record"].sort(),
  );
});

it.each(programs)("%s type-checks", (program) => {
  const configFile = join(PROJECT_ROOT, program, "tsconfig.json");
  expect(existsSync(configFile)).toBe(true);
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(parsed.fileNames, parsed.options));
  const messages = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(messages).toEqual([]);
});

it.each(programs.filter((p) => p !== "demo"))("%s has a Pulumi.yaml for the nodejs runtime and a README", (program) => {
  const project = yaml.load(readFileSync(join(PROJECT_ROOT, program, "Pulumi.yaml"), "utf8")) as { name: string; runtime: string };
  expect(project.name).toMatch(/^cloudflare-iam-/);
  expect(project.runtime).toBe("nodejs");
  expect(existsSync(join(PROJECT_ROOT, program, "README.md"))).toBe(true);
});

it.each(programs.filter((p) => p !== "demo"))("%s depends on this package by local path, and on real versions of the rest", (program) => {
  const root = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
  const { dependencies } = JSON.parse(readFileSync(join(PROJECT_ROOT, program, "package.json"), "utf8"));
  // Never a registry name we do not publish (a dependency-confusion risk): the package itself, from this checkout.
  expect(dependencies["pulumi-cloudflare-iam"]).toBe("file:../..");
  expect(dependencies["@pulumi/pulumi"]).toBe(root.peerDependencies["@pulumi/pulumi"]);
  // @pulumi/cloudflare at the version the project installs (and so type-checks against).
  if (dependencies["@pulumi/cloudflare"]) expect(dependencies["@pulumi/cloudflare"]).toBe(root.devDependencies["@pulumi/cloudflare"]);
});
