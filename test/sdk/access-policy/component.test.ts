/** An access file past its bounds fails the program in one line, and AccessPolicy registers no child. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { AccessPolicy } from "../../../sdk";

const registered: string[] = [];

beforeAll(() =>
  pulumi.runtime.setMocks(
    {
      newResource: ({ type, name, inputs }) => {
        registered.push(type);
        return { id: `${name}-id`, state: inputs };
      },
      call: ({ inputs }) => inputs,
    },
    "access-policy",
    "test",
    true,
  ),
);

beforeEach(() => registered.splice(0));

const accessFile = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "access-policy-")), "access.yaml");
  writeFileSync(file, text);
  return file;
};

it.each([
  [
    "an unknown key",
    "resourceGroups:\n  - name: prod\n    scope: {objects: [com.cloudflare.api.account.zone.a]}\n    adoptld: x\n",
    'resourceGroups[0] "prod".adoptld: unknown key',
  ],
  [
    "an alias",
    "resourceGroups:\n  - &prod {name: prod, scope: {objects: [a]}}\n  - *prod\n",
    "line 3: YAML aliases (*name) are not allowed in an access file: write each entry out in full",
  ],
])("%s: one line naming the file and the problem, nothing registered", async (_case, text, problem) => {
  const file = accessFile(text);
  let failure: unknown;
  try {
    new AccessPolicy("account", { file, accountId: "0123456789abcdef0123456789abcdef" });
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(pulumi.RunError);
  expect((failure as Error).message).toBe(`${file}: ${problem}`);
  // Registrations are asynchronous: give any that were started the time to reach the mocks.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(registered.filter((type) => type !== "cloudflare-iam:index:AccessPolicy")).toEqual([]);
});
