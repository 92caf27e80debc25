/** Reading the legacy roles leniently (fact 78), and from the emulator. */
import { allLegacyRoles, apiRole, toLegacyRole } from "../../../provider/data-sources/roles";
import { legacyRoles } from "../../../emulator";
import { clientFor } from "../../../provider/runtime";
import { resetStats, stats, useEmulator } from "../../support/emulator";

const ID = "f2b20eaa1a5d4af42b53ac16238c99c7";
const read = (role: object) => toLegacyRole(apiRole.parse({ id: ID, ...role }));

describe("permissions", () => {
  it.each([
    ["read and edit, as the API's changelog names them (fact 78)", { dns: { read: true, edit: true } }, { dns: { read: true, edit: true } }],
    ["read and write, as Cloudflare's SDKs name them (fact 73)", { dns: { read: true, write: true } }, { dns: { read: true, edit: true } }],
    ["flags sent as strings", { dns: { read: "true", edit: "false" } }, { dns: { read: true, edit: false } }],
    ["a type that grants nothing, or is null, is left out", { dns: { read: false, edit: false }, waf: null, lb: {} }, {}],
    ["an unknown type is kept", { workers: { read: true } }, { workers: { read: true, edit: false } }],
    ["a grant of a shape we do not know grants nothing", { dns: "all", zones: { read: true } }, { zones: { read: true, edit: false } }],
    ["a list instead of an object (older SDKs) grants nothing", ["#dns:read"], {}],
    ["null", null, {}],
  ])("%s", (_, permissions, expected) => {
    expect(read({ name: "Administrator Read Only", permissions }).permissions).toEqual(expected);
  });

  it("a missing name and description read as empty", () => {
    expect(read({ name: null })).toEqual({ id: ID, name: "", description: "", permissions: {} });
  });
});

describe("against the emulator", () => {
  const emulator = useEmulator();

  it("reads every role with its name and permissions, 50 a page: one request for the emulator's 12", async () => {
    const client = clientFor({ baseUrl: emulator().baseUrl, token: emulator().token });
    await resetStats(emulator());
    const roles = await allLegacyRoles(client, emulator().accountId);
    expect(roles.map((r) => r.name)).toEqual(legacyRoles.map((r) => r.name));
    expect(roles.find((r) => r.name === "Administrator")!.permissions).toMatchObject({ dns: { read: true, edit: true }, organization: { read: true, edit: false } });
    expect(roles.find((r) => r.name === "Administrator")!.permissions).not.toHaveProperty("billing");
    expect((await stats(emulator())).byRoute["GET /accounts/:account_id/roles"]).toBe(1);
  });
});
