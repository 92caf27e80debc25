/** What a stack's state holds, under the real CLI: no token, secrets only as secrets, and a provider that old state can still run. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { useEmulator } from "../../support/emulator";
import { accountOf, LifecycleStack } from "../../support/lifecycle";
import { api } from "../../support/provider";

jest.setTimeout(300_000);

const emulator = useEmulator();
let stack: LifecycleStack;

beforeAll(async () => {
  // Checkpoints stay on: this file reads the backend's files.
  stack = await new LifecycleStack(emulator(), "state").create();
  await stack.up();
});
afterAll(() => stack?.remove());

it("stack export holds no API token, and the OAuth secret only as a Pulumi secret", async () => {
  const { oauthClientSecret: secret } = await stack.ids();
  const exported = await stack.ok(["stack", "export", "--stack", stack.stack]);
  expect(secret).toMatch(/^cfoauth_/);
  expect(exported).not.toContain(emulator().token);
  expect(exported).not.toContain(secret);
  const client = JSON.parse(exported).deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::client"));
  // Pulumi's marker for a secret value, with only ciphertext inside.
  expect(client.outputs.clientSecret).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: expect.any(String) });
  expect(stack.backendTexts().some((text) => text.includes(emulator().token) || text.includes(secret))).toBe(false);
});

it("refresh and destroy work when the provider code in state is an older version", async () => {
  // State written by an older release holds that release's serialized provider. Rewrite every
  // __provider to a different (older-style) shim: it still loads today's installed package.
  const exported = JSON.parse(await stack.ok(["stack", "export", "--stack", stack.stack]));
  let rewritten = 0;
  for (const resource of exported.deployment.resources) {
    for (const props of [resource.inputs, resource.outputs]) {
      if (props?.__provider) {
        const kind = /kind: "(\w+)"/.exec(props.__provider)![1];
        props.__provider = olderShim(kind);
        rewritten++;
      }
    }
  }
  expect(rewritten).toBe(14); // 7 resources, each with inputs and outputs
  const file = join(stack.backendDir, "old-provider-state.json");
  writeFileSync(file, JSON.stringify(exported));
  await stack.ok(["stack", "import", "--file", file, "--stack", stack.stack]);
  await api(emulator())("PUT", `/iam/resource_groups/${(await stack.ids()).resourceGroupId}`, { name: "renamed under old state" });
  expect(await stack.refreshed()).toEqual([{ op: "update", name: "zones" }]);
  expect(await stack.ok(["destroy", "--yes", "--skip-preview", "--stack", stack.stack])).toMatch(/- 8 deleted/);
  const account = await accountOf(emulator());
  expect([account.userGroups, account.ssoConnectors, account.oauthClients].map((objects) => Object.keys(objects).length)).toEqual([0, 0, 0]);
});

/** A provider as an older release might have serialized it: different text, same contract. */
function olderShim(kind: string): string {
  return `exports.handler = __f0;
// serialized by pulumi-cloudflare-iam 0.0.1
function __f0() {
  const pkg = () => require("pulumi-cloudflare-iam/provider");
  return {
    configure: (req) => pkg().configure(req.config),
    check: (olds, news) => pkg().providers.${kind}.check(olds, news),
    diff: (id, olds, news) => pkg().providers.${kind}.diff(id, olds, news),
    create: (inputs) => pkg().providers.${kind}.create(inputs),
    read: (id, props) => pkg().providers.${kind}.read(id, props),
    update: (id, olds, news) => pkg().providers.${kind}.update(id, olds, news),
    delete: (id, props) => pkg().providers.${kind}.delete(id, props),
  };
}
`;
}
