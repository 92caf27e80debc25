import { z } from "zod";
import { defineResource, type ResourceDefinition } from "../../../provider/framework/define";
import { changedFields, type Fields, stableFields } from "../../../provider/framework/fields";

interface Inputs {
  accountId: string;
  emailDomain: string;
  beginVerification?: boolean;
  adoptId?: string;
}

describe("the fields table is typed against the inputs", () => {
  it("refuses a table that misses an input or misspells one (checked by tsc)", () => {
    // @ts-expect-error beginVerification is missing: an input the table leaves out would never diff.
    const missing: Fields<Inputs> = { accountId: {}, emailDomain: {} };
    // @ts-expect-error emailDomian is no input of ours.
    const misspelt: Fields<Inputs> = { accountId: {}, emailDomian: {}, beginVerification: {} };
    const whole: Fields<Inputs> = { accountId: {}, emailDomain: {}, beginVerification: {} };
    expect([missing, misspelt, whole]).toHaveLength(3);
  });
});

describe("diff", () => {
  const fields = { accountId: { replace: true, stable: true }, emailDomain: {}, beginVerification: { createOnly: true } };
  const definition = (): ResourceDefinition<Inputs & { accountId: string }, Inputs> => ({
    label: "Thing",
    schema: z.object({ accountId: z.string(), emailDomain: z.string(), beginVerification: z.boolean().optional(), adoptId: z.string().optional() }),
    fields,
    state: { version: 1 },
    create: async () => ({ id: "x", outputs: { accountId: "a", emailDomain: "d" } }),
    read: async () => undefined,
    update: async (_ctx, _id, _olds, news) => news,
    delete: async () => undefined,
    inputsOf: (outputs) => outputs,
  });
  const olds = { accountId: "a", emailDomain: "old.example", beginVerification: true, stateVersion: 1 };

  it("never counts a create-only field as a change", () => {
    expect(changedFields(fields, olds, { ...olds, beginVerification: false })).toEqual([]);
  });

  it("names the stable fields as stables of an update, and none of a replacement", async () => {
    const provider = defineResource(definition());
    expect(stableFields(fields)).toEqual(["accountId"]);
    expect(await provider.diff!("x", olds, { accountId: "a", emailDomain: "new.example" })).toMatchObject({ changes: true, replaces: [], stables: ["accountId"] });
    expect(await provider.diff!("x", olds, { accountId: "b", emailDomain: "old.example" })).toMatchObject({ replaces: ["accountId"], stables: [] });
  });
});
