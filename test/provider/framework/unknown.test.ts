/** Values not yet known at preview, found wherever they sit. */
import { containsUnknown, UNKNOWN, unknownPaths } from "../../../provider/framework/unknown";

it("finds the sentinel in lists and objects at any depth, and nowhere else", () => {
  expect(containsUnknown({ policies: [{ permissionGroups: ["a", UNKNOWN] }] })).toBe(true);
  expect(containsUnknown(UNKNOWN)).toBe(true);
  expect(containsUnknown({ policies: [{ permissionGroups: ["a"] }], n: null, s: "x" })).toBe(false);
});

it("gives the path of each unknown value", () => {
  expect(unknownPaths({ name: UNKNOWN, policies: [{ permissionGroups: ["a", UNKNOWN] }], n: null })).toEqual([["name"], ["policies", 0, "permissionGroups", 1]]);
  expect(unknownPaths("x")).toEqual([]);
});
