/** The roles-to-policies plan, a pure function of an account: which roles move, which stay, and what the code then states. */
import { migrationLines, roleHolders, roleMigration } from "../../access/role-migration";
import { plain } from "../../access/text";
import type { AccountSnapshot, SnapshotPolicy } from "../../account/snapshot";

const ACCOUNT = "a".repeat(32);
const SYSTEM = "rg-account";
const allow = (permissionGroups: string[], resourceGroups: string[], scopes: SnapshotPolicy["scopes"] = []): SnapshotPolicy => ({
  access: "allow",
  permissionGroups,
  resourceGroups,
  scopes,
});
const pg = (id: string, name: string, label: string) => ({ id, name, label, description: "", scopes: [] });
const role = (id: string, name: string) => ({ id, name, description: "", permissions: {} });
const member = (email: string, roles: string[], policies: SnapshotPolicy[] = []) => ({ id: `id-${email}`, email, status: "accepted", roles, policies });
type Member = ReturnType<typeof member>;

function account(members: Member[], changes: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    accountId: ACCOUNT,
    permissionGroups: [
      pg("pg-super", "Super Administrator - All Privileges", "all_privileges"),
      pg("pg-admin", "Administrator", "admin"),
      pg("pg-ro", "Administrator Read Only", "admin_readonly"),
      pg("pg-dns", "DNS Write", "dns_write"),
    ],
    members,
    roles: [role("r-super", "Super Administrator - All Privileges"), role("r-admin", "Administrator"), role("r-ro", "Administrator Read Only"), role("r-dns", "DNS")],
    resourceGroups: [
      { id: SYSTEM, name: `com.cloudflare.api.account.${ACCOUNT}`, scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["*"] }, system: true },
      { id: "rg-prod", name: "prod", scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["com.cloudflare.api.account.zone.z1"] }, system: false },
    ],
    userGroups: [],
    ssoConnectors: [],
    oauthClients: [],
    skipped: [],
    ...changes,
  };
}

const only = (a: AccountSnapshot) => {
  const [migration] = roleMigration(a);
  return migration;
};

describe("a role with an equivalent permission group", () => {
  it("fact 62: mirrored by the API, it moves and the code states the policies exactly as read, so up writes nothing", () => {
    const mirror = allow(["pg-admin"], [SYSTEM]);
    const m = only(account([member("ada@example.com", ["r-admin"], [mirror])]));
    expect(m.moves).toEqual([{ role: { id: "r-admin", name: "Administrator" }, permissionGroup: expect.objectContaining({ id: "pg-admin" }), mirrored: true }]);
    expect(m.manages).toEqual({ policies: [mirror] });
    expect(m.kept).toEqual([]);
  });

  it("a mirror written as a scope of the whole account (fact 24) counts too", () => {
    const mirror = allow(["pg-admin"], [], [{ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: "*" }] }]);
    expect(only(account([member("ada@example.com", ["r-admin"], [mirror])])).manages).toEqual({ policies: [mirror] });
  });

  it("not mirrored (Conflict C5), its policy on the whole account is added, and the plan says up writes it", () => {
    const m = only(account([member("ada@example.com", ["r-admin"])]));
    expect(m.moves[0].mirrored).toBe(false);
    expect(m.manages).toEqual({ policies: [allow(["pg-admin"], [SYSTEM])] });
    expect(plain(migrationLines(m)[0])).toBe("role Administrator → permission group Administrator (admin) on the whole account (not yet answered as a policy: up writes it)");
  });

  it("a policy of the group on a zone only is no mirror of the role", () => {
    const zoneOnly = allow(["pg-admin"], ["rg-prod"]);
    const m = only(account([member("ada@example.com", ["r-admin"], [zoneOnly])]));
    expect(m.moves[0].mirrored).toBe(false);
    expect(m.manages).toEqual({ policies: [zoneOnly, allow(["pg-admin"], [SYSTEM])] });
  });

  it("a deny of the group is no mirror of the role", () => {
    const deny = { ...allow(["pg-admin"], [SYSTEM]), access: "deny" };
    expect(only(account([member("ada@example.com", ["r-admin"], [deny])])).moves[0].mirrored).toBe(false);
  });

  it("several roles each move, and policies of the member's own are kept beside them", () => {
    const policies = [allow(["pg-super"], [SYSTEM]), allow(["pg-ro"], [SYSTEM]), allow(["pg-dns"], ["rg-prod"])];
    const m = only(account([member("ada@example.com", ["r-ro", "r-super"], policies)]));
    expect(m.moves.map((x) => [x.role.name, x.permissionGroup.label, x.mirrored])).toEqual([
      ["Administrator Read Only", "admin_readonly", true],
      ["Super Administrator - All Privileges", "all_privileges", true],
    ]);
    expect(m.manages).toEqual({ policies });
  });

  it("fact 9: with no resource group covering the whole account read, an unmirrored role stays a role", () => {
    const a = account([member("ada@example.com", ["r-admin"])]);
    const m = only({ ...a, resourceGroups: a.resourceGroups.filter((g) => !g.system) });
    expect(m.kept).toEqual([{ role: { id: "r-admin", name: "Administrator" }, reason: "no-whole-account-group" }]);
    expect(m.manages).toEqual({ roles: ["r-admin"] });
  });
});

describe("a role with no equivalent", () => {
  it("is kept as a role, and the code states the roles", () => {
    const m = only(account([member("ada@example.com", ["r-dns"])]));
    expect(m.moves).toEqual([]);
    expect(m.kept).toEqual([{ role: { id: "r-dns", name: "DNS" }, reason: "no-equivalent" }]);
    expect(m.manages).toEqual({ roles: ["r-dns"] });
    expect(plain(migrationLines(m)[0])).toBe("role DNS kept as a role: no equivalent permission group is known");
  });

  it("fact 63: keeps every other role with it (policies would replace them all), and the mirrors are the roles themselves", () => {
    const m = only(account([member("ada@example.com", ["r-admin", "r-dns"], [allow(["pg-admin"], [SYSTEM])])]));
    expect(m.kept.map((k) => [k.role.name, k.reason])).toEqual([
      ["Administrator", "beside-a-kept-role"],
      ["DNS", "no-equivalent"],
    ]);
    expect(m.manages).toEqual({ roles: ["r-admin", "r-dns"] });
    expect(m.unstated).toEqual([]);
  });

  it("fact 63: a policy of the member's own beside it cannot be stated, and the plan says so", () => {
    const own = allow(["pg-dns"], ["rg-prod"]);
    const m = only(account([member("ada@example.com", ["r-dns"], [own])]));
    expect(m.unstated).toEqual([own]);
    expect(migrationLines(m).map(plain)).toEqual([
      "role DNS kept as a role: no equivalent permission group is known",
      "1 policy of its own stays as the account holds it: code that states roles cannot state policies (fact 63)",
    ]);
  });

  it("a role the roles API could not name (fact 78: it may be refused or removed) is kept, by its id", () => {
    const m = only(account([member("ada@example.com", ["r-admin"], [allow(["pg-admin"], [SYSTEM])])], { roles: [], rolesUnknown: "403" }));
    expect(m.kept).toEqual([{ role: { id: "r-admin", name: "" }, reason: "no-equivalent" }]);
    expect(plain(migrationLines(m)[0])).toBe("role r-admin kept as a role: no equivalent permission group is known");
  });
});

it("fact 77: a role id that echoes a permission group is the member's policy, not a role to move; it stays among the roles a kept member states", () => {
  const domain = allow(["pg-dns"], ["rg-prod"]);
  const moving = only(account([member("ada@example.com", ["pg-dns"], [domain])]));
  expect([moving.moves, moving.kept, moving.manages]).toEqual([[], [], { policies: [domain] }]);
  const keeping = only(account([member("ada@example.com", ["pg-dns", "r-dns"], [domain])]));
  expect(keeping.kept.map((k) => k.role.id)).toEqual(["r-dns"]);
  expect(keeping.manages).toEqual({ roles: ["pg-dns", "r-dns"] });
});

it("writes the members holding a role or a policy of their own, by email, and the plan is about the role holders", () => {
  const plan = roleMigration(
    account([
      member("zoe@example.com", ["r-admin"]),
      member("bob@example.com", []),
      member("ada@example.com", [], [allow(["pg-dns"], ["rg-prod"])]),
      member("cy@example.com", ["r-dns"]),
    ]),
  );
  expect(plan.map((m) => m.member.email)).toEqual(["ada@example.com", "cy@example.com", "zoe@example.com"]);
  expect(roleHolders(plan).map((m) => m.member.email)).toEqual(["cy@example.com", "zoe@example.com"]);
});
