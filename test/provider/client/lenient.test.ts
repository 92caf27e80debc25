/** Lenient reading: null means absent, a missing list is empty, string booleans are booleans (facts 5, 8 and 28). */
import { z } from "zod";
import { list, looseBoolean, optional, serverString } from "../../../provider/client/lenient";

it("optional reads null and missing as absent, and keeps a value", () => {
  const schema = z.object({ note: optional(z.string()) });
  expect(schema.parse({ note: null })).toStrictEqual({ note: undefined });
  expect(schema.parse({})).toEqual({});
  expect(schema.parse({ note: "x" })).toStrictEqual({ note: "x" });
  expect(schema.safeParse({ note: 1 }).success).toBe(false);
});

it("list reads null and missing as empty", () => {
  expect(list(z.number()).parse(null)).toEqual([]);
  expect(list(z.number()).parse(undefined)).toEqual([]);
  expect(list(z.number()).parse([1, 2])).toEqual([1, 2]);
});

it("serverString keeps a value it does not know", () => {
  expect(serverString.parse("pending_review")).toBe("pending_review");
});

it.each([
  [true, true],
  [false, false],
  ["true", true],
  ["false", false],
  [" FALSE ", false],
  ["False", false],
  ["yes", true],
  [null, undefined],
])("looseBoolean reads %p as %p", (value, expected) => {
  expect(looseBoolean.parse(value)).toBe(expected);
});
