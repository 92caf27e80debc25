import { filterPermissionGroups, singlePermissionGroup } from "../../../provider/data-sources/permission-groups";

const group = (id: string, name: string, label: string) => ({ id, name, label, description: "", scopes: ["com.cloudflare.api.account"] });
const groups = [group("1", "Zone Read", "zone_read"), group("2", "Zone Read", "zone_read_legacy"), group("3", "DNS Write", "dns_write")];

it("fact 2: filters on every given field, the label being the role label", () => {
  expect(filterPermissionGroups(groups, { name: "Zone Read" }).map((g) => g.id)).toEqual(["1", "2"]);
  expect(filterPermissionGroups(groups, { name: "Zone Read", label: "zone_read" }).map((g) => g.id)).toEqual(["1"]);
  expect(filterPermissionGroups(groups, {})).toHaveLength(3);
});

it("fails on several matches, listing their ids", () => {
  expect(() => singlePermissionGroup(groups, { name: "Zone Read" })).toThrow(/2 permission groups have name "Zone Read": 1, 2; look it up by id instead/);
});

it("returns the one match", () => {
  expect(singlePermissionGroup(groups, { id: "3" }).name).toBe("DNS Write");
});
