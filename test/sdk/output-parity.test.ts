/**
 * Every output the provider writes is an output of the SDK class: declared (each class
 * `implements DeclaredOutputs<…>`, so tsc fails where one is left out) and made an Output by its
 * placeholder (checked here under Pulumi mocks), so `group.system` exists. The classes are found
 * from `KINDS`, so a new kind is checked without a line here.
 */
import * as pulumi from "@pulumi/pulumi";
import { KINDS } from "../../provider/resources/kinds";
import type { UserGroupOutputs } from "../../provider/resources/user-group/schema";
import * as sdk from "../../sdk";
import type { DeclaredOutputs } from "../../sdk/resource";

beforeAll(() =>
  pulumi.runtime.setMocks(
    {
      newResource: ({ name, inputs }) => ({ id: `${name}-id`, state: inputs }),
      call: ({ inputs }) => inputs,
    },
    "output-parity",
    "test",
    true,
  ),
);

type ResourceClass = (new (name: string, args: object) => pulumi.CustomResource) & { outputNames?: Record<string, true> };
const exported = sdk as unknown as Record<string, ResourceClass | undefined>;

it.each(Object.values(KINDS))("the SDK exports a class for %s and it registers every output the provider writes", async (type) => {
  const cls = exported[type];
  expect(typeof cls).toBe("function");
  if (!cls?.outputNames) throw new Error(`${type} has no outputNames`);
  const resource = new cls(`parity-${type}`, { accountId: "a".repeat(32) });
  const outputs = resource as unknown as Record<string, unknown>;
  const missing = [...Object.keys(cls.outputNames), "stateVersion"].filter((key) => !pulumi.Output.isInstance(outputs[key]));
  await new Promise((registered) => resource.urn.apply(registered));
  expect(missing).toEqual([]);
});

it("a class that leaves an output out does not compile (checked by tsc, which npm test runs)", () => {
  // @ts-expect-error: every output but `name` is missing, so the class does not implement them.
  class LeavesOutputsOut implements DeclaredOutputs<UserGroupOutputs> {
    declare readonly name: pulumi.Output<string>;
  }
  expect(LeavesOutputsOut.name).toBe("LeavesOutputsOut");
});
