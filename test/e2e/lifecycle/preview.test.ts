/** What `pulumi preview` tells a reviewer, under the real CLI: the kind of each change, and drift checks. */
import { useEmulator } from "../../support/emulator";
import { LifecycleStack } from "../../support/lifecycle";
import { api } from "../../support/provider";
import { previewChanges } from "../../support/pulumi";

jest.setTimeout(300_000);

const emulator = useEmulator();
let stack: LifecycleStack;

beforeAll(async () => {
  stack = await new LifecycleStack(emulator(), "preview", { PULUMI_SKIP_CHECKPOINTS: "true" }).create();
  await stack.up();
});
afterAll(() => stack?.remove());

async function previewOf(variant: string) {
  await stack.setConfig("variant", variant);
  try {
    return previewChanges(await stack.ok(["preview", "--json", "--stack", stack.stack]));
  } finally {
    await stack.setConfig("variant", "base");
  }
}

it("reordering every list in the program is no change", async () => {
  expect(await previewOf("reordered")).toEqual([]);
});

it("a new name is an update of that resource only", async () => {
  expect(await previewOf("renamed")).toEqual([{ op: "update", name: "team" }]);
});

it("a new SSO email domain is a replacement of the connector only", async () => {
  const steps = await previewOf("replaced");
  expect(steps.map((s) => s.name)).toContain("sso");
  expect(steps.every((s) => s.name === "sso")).toBe(true);
  expect(steps.map((s) => s.op)).toContain("replace");
});

it("preview --refresh --expect-no-changes fails on drift, and passes once up --refresh repaired it", async () => {
  const check = ["preview", "--refresh", "--expect-no-changes", "--stack", stack.stack];
  expect((await stack.run(check)).code).toBe(0);
  await api(emulator())("PUT", `/iam/user_groups/${(await stack.ids()).userGroupId}`, { name: "drifted" });
  expect((await stack.run(check)).code).not.toBe(0);
  // A plain `up` trusts the state; `up --refresh` reads the account first, then repairs it.
  await stack.up("--refresh");
  expect((await stack.run(check)).code).toBe(0);
});
