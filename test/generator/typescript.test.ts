/**
 * The generated program is inert: with hostile names of every kind it type-checks against the
 * package's own types and, run under Pulumi's mocks, constructs exactly the account's resources
 * with exactly its names, and runs nothing else.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as fc from "fast-check";
import * as ts from "typescript";
import type { AccountSnapshot } from "../../account/snapshot";
import { typescriptProgram } from "../../generator/typescript";
import { quote } from "../../provider/framework/quote";
import * as sdk from "../../sdk";
import { CANARY, fixedHostileNames, hostileNames, hostileSnapshot } from "../support/hostile-account";
import { PROJECT_ROOT } from "../support/pulumi";

jest.setTimeout(120_000);

const work = mkdtempSync(join(tmpdir(), "generated-program-"));
const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  skipLibCheck: true,
  types: ["node"],
  typeRoots: [join(PROJECT_ROOT, "node_modules/@types")],
  // The program imports the package by name; here that is this checkout's sdk.
  paths: { "pulumi-cloudflare-iam": [join(PROJECT_ROOT, "sdk/index.ts")] },
};
let previous: ts.Program | undefined;

/** The program's type errors; later compiles reuse the sdk's parsed files. */
function typeErrors(source: string): string[] {
  const file = join(work, "index.ts");
  writeFileSync(file, source);
  previous = ts.createProgram([file], compilerOptions, ts.createCompilerHost(compilerOptions), previous);
  return [...previous.getOptionsDiagnostics(), ...ts.getPreEmitDiagnostics(previous, previous.getSourceFile(file))].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
}

interface Construction {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** Runs the program under Pulumi's mocks; what it constructed, and every module it asked for. */
async function runUnderMocks(source: string): Promise<{ constructed: Construction[]; required: string[] }> {
  const constructed: Construction[] = [];
  const required: string[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: ({ type, name, inputs }) => {
        constructed.push({ type, name, inputs });
        return { id: `${name}-id`, state: inputs };
      },
      call: ({ inputs }) => inputs,
    },
    "generated",
    "test",
    true,
  );
  // Every resource the program makes, to wait until the mocks have seen it registered.
  const made: pulumi.Resource[] = [];
  const recording = Object.fromEntries(
    Object.entries(sdk).map(([name, value]) => [
      name,
      typeof value === "function" && value.prototype instanceof pulumi.Resource
        ? class extends (value as new (...args: unknown[]) => pulumi.Resource) {
            constructor(...args: unknown[]) {
              super(...args);
              made.push(this);
            }
          }
        : value,
    ]),
  );
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const exports = {};
  const requireStub = (id: string) => {
    required.push(id);
    if (id !== "pulumi-cloudflare-iam") throw new Error(`the generated program required ${id}`);
    return recording;
  };
  new Function("exports", "require", "module", js)(exports, requireStub, { exports });
  await Promise.all(made.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
  return { constructed, required };
}

const dynamicType = (kind: string) => `pulumi-nodejs:dynamic/cloudflare-iam:${kind}`;

/** The resources the program must construct: type, name, and the input carrying account data. */
function expectedConstructions(account: AccountSnapshot) {
  return [
    ...account.resourceGroups.filter((g) => !g.system).map((g) => ({ type: dynamicType("ResourceGroup"), name: `rg-${g.id}`, inputs: { name: g.name } })),
    ...account.userGroups.map((g) => ({ type: dynamicType("UserGroup"), name: `ug-${g.id}`, inputs: { name: g.name } })),
    ...account.userGroups.filter((g) => !g.scimManaged).map((g) => ({ type: dynamicType("UserGroupMembers"), name: `members-${g.id}`, inputs: { memberIds: g.memberIds } })),
    ...account.ssoConnectors.map((c) => ({ type: dynamicType("SSOConnector"), name: `sso-${c.id}`, inputs: { emailDomain: c.emailDomain } })),
    ...account.oauthClients.map((c) => ({ type: dynamicType("OAuthClient"), name: `oauth-${c.id}`, inputs: { clientName: c.args.clientName } })),
    ...account.members
      .filter((m) => m.roles.length || m.policies.length)
      .map((m) => ({ type: dynamicType("AccountMember"), name: `member-${m.id}`, inputs: { email: m.email, adoptId: m.id } })),
  ];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

async function expectInert(account: AccountSnapshot): Promise<void> {
  const source = typescriptProgram(account);
  expect(typeErrors(source)).toEqual([]);
  const { constructed, required } = await runUnderMocks(source);
  expect(required).toEqual(["pulumi-cloudflare-iam"]);
  expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
  const expected = expectedConstructions(account);
  expect(constructed.map(({ type, name }) => ({ type, name })).sort(byName)).toEqual(expected.map(({ type, name }) => ({ type, name })).sort(byName));
  for (const want of expected) expect(constructed.find((c) => c.name === want.name)?.inputs).toMatchObject(want.inputs);
}

describe("typescriptProgram", () => {
  it("stays inert with every hostile name fast-check makes, of every kind", async () => {
    await fc.assert(
      fc.asyncProperty(hostileNames, (names) => expectInert(hostileSnapshot(names))),
      { numRuns: 3, endOnFailure: true },
    );
  });

  it("stays inert with injections, the issue's SCIM group and a 70,000-character name", async () => {
    await expectInert(hostileSnapshot(fixedHostileNames));
  });

  it("keeps the issue's SCIM group name a string, in its comment too, and runs no command", async () => {
    const okta = 'Okta Engineers\u2028require("child_process").execSync("touch /tmp/pwned")//';
    const account = hostileSnapshot({ ...fixedHostileNames, userGroups: ["Developers", okta] });
    expect(account.userGroups[1]).toMatchObject({ name: okta, scimManaged: true });
    const source = typescriptProgram(account);
    expect(source).toContain('// Members of "Okta Engineers\\u2028require(\\"child_process\\").execSync(\\"touch /tmp/pwned\\")//" are managed by SCIM.');
    await expectInert(account);
    expect(existsSync("/tmp/pwned")).toBe(false);
  });

  it("names variables after names, by their letters and digits, 40 at most", () => {
    const account = hostileSnapshot({ ...fixedHostileNames, resourceGroups: ["prod zones", `eu ${"x".repeat(70_000)}`], userGroups: ["SRE\u2028team", "SRE team"] });
    const declared = [...typescriptProgram(account).matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
    expect(declared).toEqual(["resourceGroupProdZones", `resourceGroupEuX${"x".repeat(37)}`, "userGroupSRETeam", "userGroupSRETeam2"]);
  });

  it("states each member's policies in place of a role with an equivalent, keeps a hostile role, and says so in comments", async () => {
    const account = hostileSnapshot(fixedHostileNames);
    const [moved, kept] = account.members;
    const hostileRole = account.roles.find((r) => r.id === kept.roles[0])!;
    const source = typescriptProgram(account);
    expect(source).toContain(`// ${quote(moved.email)}: role "Administrator" → permission group ${quote(account.permissionGroups[0].name)} ("admin") on the whole account`);
    expect(source).toContain(`// ${quote(kept.email)}: role ${quote(hostileRole.name)} kept as a role: no equivalent permission group is known`);
    const { constructed } = await runUnderMocks(source);
    const inputsOf = (id: string) => constructed.find((c) => c.name === `member-${id}`)?.inputs;
    const wholeAccount = account.resourceGroups.find((g) => g.system)!.id;
    expect(inputsOf(moved.id)).toMatchObject({ policies: [{ access: "allow", permissionGroups: [account.permissionGroups[0].id], resourceGroups: [wholeAccount] }] });
    expect(inputsOf(moved.id)).not.toHaveProperty("roles");
    expect(inputsOf(kept.id)).toMatchObject({ roles: [hostileRole.id] });
    expect(inputsOf(kept.id)).not.toHaveProperty("policies");
  });
});
