/** Canonical comparison and the engine's no-undefined rule. */
import { deepEqual, withoutUndefined } from "../../../provider/framework/values";

it("deepEqual ignores key order and undefined values, at any depth, but not list order", () => {
  expect(deepEqual({ a: 1, b: { c: [1, { d: 2, e: undefined }] } }, { b: { c: [1, { d: 2 }] }, a: 1 })).toBe(true);
  expect(deepEqual([1, 2], [2, 1])).toBe(false);
  expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
  expect(deepEqual({ a: null }, {})).toBe(false);
});

it("withoutUndefined removes undefined inside objects in lists, and keeps null, false and zero", () => {
  expect(withoutUndefined({ list: [{ a: undefined, b: null }], c: false, d: 0, e: undefined })).toStrictEqual({ c: false, d: 0, list: [{ b: null }] });
});
