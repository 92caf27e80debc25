import { allPermissionGroups, apiPermissionGroup, filterPermissionGroups, singlePermissionGroup, toPermissionGroup } from "../../../provider/data-sources/permission-groups";
import { clientFor } from "../../../provider/runtime";
import { requestsTo, success, useApiProxy } from "../../support/api-proxy";
import { useEmulator } from "../../support/emulator";

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

it("fact 6: an id no permission group has is no match, named in the error", () => {
  expect(() => singlePermissionGroup(groups, { id: "9" })).toThrow(/^no permission group has id "9"$/);
});

describe("fact 5: what a permission group's meta says", () => {
  const real = {
    id: "1",
    name: "Zone Read",
    status: "V",
    meta: { description: "Grants read access to Zone", editable: "false", label: "admin_readonly", scopes: "com.cloudflare.api.account, com.cloudflare.api.account.zone" },
  };

  it("reads label, description and scopes from the real meta", () => {
    expect(toPermissionGroup(apiPermissionGroup.parse(real))).toEqual({
      id: "1",
      name: "Zone Read",
      label: "admin_readonly",
      description: "Grants read access to Zone",
      scopes: ["com.cloudflare.api.account", "com.cloudflare.api.account.zone"],
    });
  });

  it("reads the spec's {key, value} meta as a label", () => {
    expect(toPermissionGroup(apiPermissionGroup.parse({ id: "1", name: "Zone Read", meta: { key: "label", value: "zone_read" } })).label).toBe("zone_read");
  });
});

describe("reading the whole list, as the API pages it", () => {
  const emulator = useEmulator();
  const proxy = useApiProxy(emulator);
  const client = () => clientFor({ baseUrl: proxy().baseUrl, token: proxy().token });
  const item = (i: number) => ({ id: `${i}`.padStart(32, "0"), name: `Group ${i}`, meta: { label: `g${i}` } });
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => item(from + i));
  const listed = () => requestsTo(proxy(), "GET", /\/iam\/permission_groups$/);
  let account = 0;
  /** Each test reads its own account: the list is memoised per client and account. */
  const nextAccount = () => `${++account}`.padStart(32, "a");

  beforeEach(() => proxy().reset());

  it("facts 1 and 4: asks 50 a page, and without result_info takes a short page as the last", async () => {
    const pages: Record<string, object[]> = { "1": range(0, 50), "2": range(50, 60) };
    proxy().script(({ query }) => success(pages[query.get("page")!] ?? []));
    expect(await allPermissionGroups(client(), nextAccount())).toHaveLength(60);
    expect(listed().map((r) => [r.query.get("page"), r.query.get("per_page")])).toEqual([
      ["1", "50"],
      ["2", "50"],
    ]);
  });

  it("fact 3: an empty page is no groups and ends the list, whatever result_info claims", async () => {
    // The list shrank while it was read: result_info still counts the groups that were there.
    const info = { page: 1, per_page: 50, total_count: 120 };
    proxy().script(({ query }) => (query.get("page") === "1" ? success(range(0, 50), info) : success([], { ...info, page: 2 })));
    expect(await allPermissionGroups(client(), nextAccount())).toHaveLength(50);
    expect(listed()).toHaveLength(2);
  });
});
