import { z } from "zod";
import { checkInputs, propertyPath } from "../../../provider/framework/check";
import { UNKNOWN } from "../../../provider/framework/unknown";

const schema = z.object({
  name: z.string().min(1, "must not be empty"),
  items: z.array(z.object({ kind: z.enum(["a", "b"]) })),
  enabled: z.boolean().default(false),
});

it("names every failing property with its path and rule", () => {
  const { failures } = checkInputs(schema, { name: "", items: [{ kind: "a" }, { kind: "c" }] });
  expect(failures).toEqual([
    { property: "name", reason: "must not be empty" },
    { property: "items[1].kind", reason: expect.stringContaining("Invalid enum value") },
  ]);
});

it("applies defaults", () => {
  expect(checkInputs(schema, { name: "x", items: [] }).inputs).toEqual({ name: "x", items: [], enabled: false });
});

it("lets unknown values through during preview", () => {
  expect(checkInputs(schema, { name: UNKNOWN, items: UNKNOWN }).failures).toEqual([]);
  expect(checkInputs(schema, { name: "", items: [{ kind: UNKNOWN }] }).failures).toEqual([{ property: "name", reason: "must not be empty" }]);
});

it("drops only the failures under a value not yet known, never those beside it", () => {
  const beside = checkInputs(schema, { name: UNKNOWN, items: [{ kind: UNKNOWN }, { kind: "c" }] }).failures;
  expect(beside).toEqual([{ property: "items[1].kind", reason: expect.stringContaining("Invalid enum value") }]);
});

it("reports inputs that are not an object at all as (inputs)", () => {
  expect(checkInputs(schema, "text").failures).toEqual([{ property: "(inputs)", reason: "Expected object, received string" }]);
});

it("formats paths the way a program spells them", () => {
  expect(propertyPath(["policies", 0, "permissionGroups", 2])).toBe("policies[0].permissionGroups[2]");
});
