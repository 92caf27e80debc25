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
  });

  it("facts 63, 64: beside a policy of the member's own, the member is left out of the program, and the plan says why", () => {
    const m = only(account([member("ada@example.com", ["r-dns"], [allow(["pg-dns"], ["rg-prod"])])]));
    expect([m.moves, m.kept, m.manages]).toEqual([[], [{ role: { id: "r-dns", name: "DNS" }, reason: "member-left-out" }], { leftOut: "roles-beside-policies" }]);
    expect(migrationLines(m).map(plain)).toEqual([
      "role DNS stays a role: the member is left out of the program",
      "not written, so its roles and policies stay as the account holds them: it holds a role that must stay beside a policy of its own; code states roles or policies, never both (fact 63), and a PUT of either replaces what it holds (fact 64)",
    ]);
  });

  it("a role the roles API could not name (fact 78: it may be refused or removed) is kept, by its id", () => {
    const m = only(account([member("ada@example.com", ["r-admin"])], { roles: [], rolesUnknown: "403" }));
    expect(m.kept).toEqual([{ role: { id: "r-admin", name: "" }, reason: "no-equivalent" }]);
    expect(plain(migrationLines(m)[0])).toBe("role r-admin kept as a role: no equivalent permission group is known");
  });
});

it("fact 61: a member holding a policy with an inline scope (fact 24) is left out, roles and all, and the plan says why", () => {
  const inline = allow(["pg-dns"], [], [{ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: "com.cloudflare.api.account.zone.z1" }] }]);
  const withRole = only(account([member("ada@example.com", ["r-admin"], [allow(["pg-admin"], [SYSTEM]), inline])]));
  expect([withRole.moves, withRole.kept.map((k) => k.reason), withRole.manages]).toEqual([[], ["member-left-out"], { leftOut: "inline-scope" }]);
  expect(plain(migrationLines(withRole)[1])).toBe(
    "not written, so its roles and policies stay as the account holds them: it holds a policy written with an inline scope (fact 24), which an account member's policy cannot name (fact 61)",
  );
  // Even a mirror of the role, were the API to answer it as a scope of the whole account.
  const mirror = allow(["pg-admin"], [], [{ key: `com.cloudflare.api.account.${ACCOUNT}`, objects: [{ key: "*" }] }]);
  expect(only(account([member("ada@example.com", ["r-admin"], [mirror])])).manages).toEqual({ leftOut: "inline-scope" });
  const alone = only(account([member("ada@example.com", [], [inline])]));
  expect([alone.kept, alone.manages]).toEqual([[], { leftOut: "inline-scope" }]);
});

it("fact 77: a role id that echoes a permission group is the member's policy, not a role to move; beside a kept role, that policy leaves the member out", () => {
  const domain = allow(["pg-dns"], ["rg-prod"]);
  const moving = only(account([member("ada@example.com", ["pg-dns"], [domain])]));
  expect([moving.moves, moving.kept, moving.manages]).toEqual([[], [], { policies: [domain] }]);
  const keeping = only(account([member("ada@example.com", ["pg-dns", "r-dns"], [domain])]));
  expect(keeping.kept).toEqual([{ role: { id: "r-dns", name: "DNS" }, reason: "member-left-out" }]);
  expect(keeping.manages).toEqual({ leftOut: "roles-beside-policies" });
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

describe("what counts as the role's mirror, and as the whole account", () => {
  it("a policy of the role's group on the whole account and a zone mirrors the role", () => {
    const m = only(account([member("ada@example.com", ["r-admin"], [allow(["pg-admin"], [SYSTEM, "rg-prod"])])]));
    expect(m.moves.map((move) => [move.role.id, move.mirrored])).toEqual([["r-admin", true]]);
  });

  it("beside a kept role, each mirror of a role that could move is that role's, one policy per role", () => {
    const a = account([member("ada@example.com", ["r-admin", "r-ro", "r-dns"], [allow(["pg-admin"], [SYSTEM]), allow(["pg-ro"], [SYSTEM])])]);
    expect(only(a).kept.map((k) => [k.role.id, k.reason])).toEqual([
      ["r-admin", "beside-a-kept-role"],
      ["r-ro", "beside-a-kept-role"],
      ["r-dns", "no-equivalent"],
    ]);
  });

  it("fact 9: a resource group of `*` that is not Cloudflare's predefined one is no place for a moved role", () => {
    const a = account([member("ada@example.com", ["r-admin"])]);
    const wide = { id: "rg-mine", name: "mine", scope: { key: `com.cloudflare.api.account.${ACCOUNT}`, objects: ["*"] }, system: false };
    const m = only({ ...a, resourceGroups: [...a.resourceGroups.filter((g) => !g.system), wide] });
    expect(m.kept).toEqual([{ role: { id: "r-admin", name: "Administrator" }, reason: "no-whole-account-group" }]);
  });
});
