/** The auditor's report: one matrix per place, members down the side, permission groups across, each cell naming what grants it; and what it shows of members themselves. */

import { accessReport, reportHtml } from "../../access/report";
import { defaultRiskRules } from "../../access/risk";
import type { AccountSnapshot } from "../../account/snapshot";

const ACCOUNT = "a".repeat(32);
const WHOLE = `com.cloudflare.api.account.${ACCOUNT}`;
type Policy = AccountSnapshot["userGroups"][number]["policies"][number];
const allow = (permissionGroups: string[], resourceGroups: string[], scopes: Policy["scopes"] = []): Policy => ({ access: "allow", permissionGroups, resourceGroups, scopes });
const pg = (id: string, name: string, label: string) => ({ id, name, label, description: "", scopes: [] });
const member = (id: string, email: string, roles: string[] = [], policies: Policy[] = []) => ({ id, email, status: "accepted", roles, policies });

/**
 * The account's groups are listed so that no order the report shows is the order it read them in:
 * places, permission groups and members each come out of it in another order.
 */
function account(extra: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    accountId: ACCOUNT,
    permissionGroups: [pg("zone", "Zone Read", "zone_read"), pg("dns", "DNS Write", "dns_write"), pg("admin", "Administrator", "admin")],
    members: [member("bob", "bob@example.com"), member("ada", "ada@example.com")],
    roles: [],
    resourceGroups: [
      { id: "prod", name: "production zones", scope: { key: WHOLE, objects: ["zone.prod"] }, system: false },
      { id: "all", name: WHOLE, scope: { key: WHOLE, objects: ["*"] }, system: true },
    ],
    userGroups: [
      { id: "g-scope", name: "Edge", memberIds: ["bob"], scimManaged: false, policies: [allow(["zone"], [], [{ key: "k", objects: [{ key: "zone.b" }, { key: "zone.a" }] }])] },
      { id: "g-sre", name: "SRE", memberIds: ["bob", "ada"], scimManaged: false, policies: [allow(["zone", "dns"], ["prod"])] },
      { id: "g-ops", name: "Ops", memberIds: ["bob"], scimManaged: false, policies: [allow(["dns"], ["prod"])] },
      { id: "g-admins", name: "Admins", memberIds: ["ada"], scimManaged: false, policies: [allow(["admin"], ["all"])] },
    ],
    ssoConnectors: [],
    oauthClients: [],
    skipped: [],
    ...extra,
  };
}

const report = (a: AccountSnapshot) => accessReport(a, defaultRiskRules);
/** A section as readable lines: its place, its columns, and each row's cells. */
const matrix = (a: AccountSnapshot) =>
  report(a).sections.map((s) => ({
    target: s.target,
    accountWide: s.accountWide,
    columns: s.permissionGroups.map((p) => `${p.name}${p.administrator ? " (admin)" : ""}`),
    rows: s.rows.map((r) => [r.member, ...r.cells.map((c) => (c ? `${c.via.join(" + ")}${c.risks.length ? ` [${c.risks.join(", ")}]` : ""}` : "-"))]),
  }));

describe("the report's matrices", () => {
  it("puts the whole account first, then places by name; columns by name; members by email; cells name every group that grants them", () => {
    expect(matrix(account())).toEqual([
      { target: "The whole account", accountWide: true, columns: ["Administrator (admin)"], rows: [["ada@example.com", "Admins [administrator-class, the whole account]"]] },
      {
        target: "production zones",
        accountWide: false,
        columns: ["DNS Write", "Zone Read"],
        rows: [
          ["ada@example.com", "SRE", "SRE"],
          ["bob@example.com", "Ops + SRE", "SRE"],
        ],
      },
      { target: "Scope zone.b, zone.a", accountWide: false, columns: ["Zone Read"], rows: [["bob@example.com", "Edge"]] },
    ]);
  });

  it("counts the members who hold a grant and the grants, and names the account", () => {
    const r = report(account({ members: [...account().members, member("eve", "eve@example.com")] }));
    expect([r.accountId, r.members, r.grants]).toEqual([ACCOUNT, 2, 7]);
  });

  it("an empty cell is null, and a name two groups share is said once", () => {
    const twins = account({
      userGroups: [
        { id: "g1", name: "SRE", memberIds: ["ada"], scimManaged: false, policies: [allow(["dns"], ["prod"])] },
        { id: "g2", name: "SRE", memberIds: ["ada", "bob"], scimManaged: false, policies: [allow(["dns", "zone"], ["prod"])] },
      ],
    });
    const [prod] = report(twins).sections;
    expect(prod.rows.map((r) => r.cells)).toEqual([
      [
        { via: ["SRE"], risks: [] },
        { via: ["SRE"], risks: [] },
      ],
      [
        { via: ["SRE"], risks: [] },
        { via: ["SRE"], risks: [] },
      ],
    ]);
    const onlyAda = account({ userGroups: [twins.userGroups[0], { ...twins.userGroups[1], memberIds: ["bob"], policies: [allow(["zone"], ["prod"])] }] });
    expect(report(onlyAda).sections[0].rows.map((r) => r.cells)).toEqual([
      [{ via: ["SRE"], risks: [] }, null],
      [null, { via: ["SRE"], risks: [] }],
    ]);
  });

  it("names roles, direct policies, and ids it cannot name; a role it cannot read is administrator-class", () => {
    const a = account({
      members: [member("ada", "", ["r-ops", "r-gone"]), member("bob", "bob@example.com", [], [allow(["dns", "pg-gone"], ["rg-gone"])])],
      roles: [{ id: "r-ops", name: "Ops Role", description: "", permissions: {} }],
      userGroups: [],
    });
    expect(matrix(a)).toEqual([
      {
        target: "The whole account",
        accountWide: true,
        columns: ["role Ops Role", "role r-gone (admin)"],
        rows: [["ada", "role Ops Role [the whole account]", "role r-gone [administrator-class, the whole account]"]],
      },
      { target: "rg-gone", accountWide: false, columns: ["DNS Write", "pg-gone"], rows: [["bob@example.com", "a direct policy", "a direct policy"]] },
    ]);
  });
});

describe("the report's page", () => {
  const hostile = "<img src=x onerror=alert(1)>&\"'";
  const escaped = "&#60;img src=x onerror=alert(1)&#62;&#38;&#34;&#39;";
  const hostileAccount = () => {
    const a = account();
    a.members[1].email = `ada${hostile}`;
    a.userGroups[3].name = `Admins${hostile}`;
    a.permissionGroups[2].name = `Administrator${hostile}`;
    a.resourceGroups[0].name = `production${hostile}`;
    return a;
  };
  const page = () => reportHtml(report(hostileAccount()));

  it("shows every name as text: only the template's own tags, and each name escaped wherever it lands", () => {
    const html = page();
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual([
      "body",
      "div",
      "h1",
      "h2",
      "head",
      "html",
      "input",
      "meta",
      "p",
      "script",
      "section",
      "span",
      "style",
      "table",
      "tbody",
      "td",
      "th",
      "thead",
      "title",
      "tr",
    ]);
    expect(html).toContain(`<td class="member">ada${escaped}</td>`);
    expect(html).toContain(`data-member="ada${escaped.toLowerCase()}"`);
    expect(html).toContain(`<th class="admin" title="administrator-class">Administrator${escaped}</th>`);
    expect(html).toContain(`<section data-target="production${escaped}"><h2>production${escaped}</h2>`);
    expect(html).toContain(`<span>Admins${escaped}</span>`);
  });

  it("marks administrator-class columns and risky cells, titles each cell, and leaves empty cells blank", () => {
    const html = reportHtml(report(account()));
    expect(html).toContain('<th class="member">Member</th><th class="admin" title="administrator-class">Administrator</th></tr>');
    expect(html).toContain('<td class="granted risk" title="Administrator, via Admins (risk: administrator-class, the whole account)">✓ <span>Admins</span></td>');
    expect(html).toContain('<th class="member">Member</th><th>DNS Write</th><th>Zone Read</th></tr>');
    expect(html).toContain(
      '<tr data-member="bob@example.com" data-via="ops sre"><td class="member">bob@example.com</td><td class="granted" title="DNS Write, via Ops, SRE">✓ <span>Ops, SRE</span></td>',
    );
    const onlyBob = account({ userGroups: [{ id: "g", name: "Ops", memberIds: ["bob"], scimManaged: false, policies: [allow(["dns"], ["prod"])] }, account().userGroups[1]] });
    expect(reportHtml(report(onlyBob))).toContain(
      '<tr data-member="ada@example.com" data-via="sre"><td class="member">ada@example.com</td><td class="granted" title="DNS Write, via SRE">',
    );
    const holes = account({
      userGroups: [
        { id: "g", name: "Ops", memberIds: ["bob"], scimManaged: false, policies: [allow(["dns"], ["prod"])] },
        { ...account().userGroups[1], memberIds: ["ada"], policies: [allow(["zone"], ["prod"])] },
      ],
    });
    expect(reportHtml(report(holes))).toContain(
      '<tr data-member="ada@example.com" data-via="sre"><td class="member">ada@example.com</td><td></td><td class="granted" title="Zone Read, via SRE">',
    );
  });

  it("says whose account it is and what it counts, and needs no network: its style and script are in the page", () => {
    const html = reportHtml(report(account()));
    expect(html).toContain(`<title>Cloudflare access of account ${ACCOUNT}</title>`);
    expect(html).toContain(`<h1>Cloudflare access of account ${ACCOUNT}</h1>`);
    expect(html).toContain('<div class="summary">2 members hold 7 grants through user groups, roles and direct policies, in 3 places. Each cell names what grants it.</div>');
    expect(html).toMatch(/<style>[^<]*th\.admin \{ color: #a30000; \}[^<]*td\.risk \{ background: #ffe0e0;[^<]*<\/style>/);
    expect(html).not.toMatch(/https?:|<link|\ssrc=/);
  });

  /** The page's filter, run on a stand-in for the DOM built from the page's own rows. */
  function filtered(html: string, typed: string): string[] {
    const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    const sections = html
      .split("<section ")
      .slice(1)
      .map((chunk) => {
        const rows = [...chunk.matchAll(/<tr data-member="([^"]*)" data-via="([^"]*)">/g)].map((m) => ({ dataset: { member: decode(m[1]), via: decode(m[2]) }, hidden: false }));
        return { target: decode(/data-target="([^"]*)"/.exec(chunk)![1]), hidden: false, rows, querySelectorAll: (selector: string) => (selector === "tbody tr" ? rows : []) };
      });
    let onInput = () => {};
    const box = { value: typed, addEventListener: (_: string, listener: () => void) => (onInput = listener) };
    const document = {
      getElementById: (id: string) => (id === "filter" ? box : null),
      querySelectorAll: (selector: string) => (selector === "section" ? sections : []),
    };
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
    new Function("document", script)(document);
    onInput();
    return sections.map((s) => `${s.hidden ? "hidden" : "shown"} ${s.target}: ${s.rows.map((r) => `${r.hidden ? "-" : "+"}${r.dataset.member}`).join(" ")}`);
  }

  it("filters rows by member or group, without case or surrounding spaces, and hides a place with no row left", () => {
    const html = reportHtml(report(account()));
    expect(filtered(html, "  OPS ")).toEqual([
      "hidden The whole account: -ada@example.com",
      "shown production zones: -ada@example.com +bob@example.com",
      "hidden Scope zone.b, zone.a: -bob@example.com",
    ]);
    expect(filtered(html, "ADA@")).toEqual([
      "shown The whole account: +ada@example.com",
      "shown production zones: +ada@example.com -bob@example.com",
      "hidden Scope zone.b, zone.a: -bob@example.com",
    ]);
    expect(filtered(html, " ")).toEqual([
      "shown The whole account: +ada@example.com",
      "shown production zones: +ada@example.com +bob@example.com",
      "shown Scope zone.b, zone.a: +bob@example.com",
    ]);
  });
});

describe("members' status, roles and direct policies (issue 19)", () => {
  const ACCOUNT = "b".repeat(32);
  const WHOLE = `com.cloudflare.api.account.${ACCOUNT}`;
  type Member = AccountSnapshot["members"][number];
  const policy = (permissionGroup: string, resourceGroup: string) => ({ access: "allow", permissionGroups: [permissionGroup], resourceGroups: [resourceGroup], scopes: [] });
  const member = (id: string, extra: Partial<Member> = {}): Member => ({ id, email: `${id}@example.com`, status: "accepted", roles: [], policies: [], ...extra });
  const account = (members: Member[]): AccountSnapshot => ({
    accountId: ACCOUNT,
    permissionGroups: [
      { id: "pg-admin", name: "Administrator", label: "admin", description: "", scopes: [] },
      { id: "pg-dns", name: "DNS Write", label: "dns_write", description: "", scopes: [] },
    ],
    members,
    roles: [{ id: "r-admin", name: "Administrator", description: "", permissions: {} }],
    resourceGroups: [
      { id: "prod", name: "production zones", scope: { key: WHOLE, objects: ["zone.prod"] }, system: false },
      { id: "all", name: WHOLE, scope: { key: WHOLE, objects: ["*"] }, system: true },
    ],
    userGroups: [{ id: "g-sre", name: "SRE", memberIds: ["grace", "cat"], scimManaged: false, policies: [policy("pg-dns", "prod")] }],
    ssoConnectors: [],
    oauthClients: [],
    skipped: [],
  });
  const members = [
    member("grace"),
    member("cat", { status: "pending" }),
    member("dan", { status: "pending" }),
    // fact 62: the role and the policy the API mirrors it into are one grant, the role.
    member("ada", { roles: ["r-admin"], policies: [policy("pg-admin", "all")] }),
    member("bob", { policies: [policy("pg-dns", "prod"), policy("pg-admin", "prod")] }),
  ];

  it("lists every member with a pending invite, a role or a policy of their own, and leaves out those who hold access only through groups", () => {
    expect(accessReport(account(members), defaultRiskRules).people).toEqual([
      { memberId: "ada", member: "ada@example.com", status: "accepted", roles: ["Administrator"], directPolicies: [] },
      { memberId: "bob", member: "bob@example.com", status: "accepted", roles: [], directPolicies: ["Administrator on production zones", "DNS Write on production zones"] },
      { memberId: "cat", member: "cat@example.com", status: "pending", roles: [], directPolicies: [] },
      { memberId: "dan", member: "dan@example.com", status: "pending", roles: [], directPolicies: [] },
    ]);
  });

  it("marks a pending member in the matrix, and writes the members table, every value escaped", () => {
    const hostile = member("eve", { email: '<img src=x onerror="alert(1)">', status: "pending", policies: [policy("pg-dns", "prod")] });
    const report = accessReport(account([...members, hostile]), defaultRiskRules);
    expect(report.sections.find((s) => s.target === "production zones")!.rows.map((r) => [r.member, r.status])).toEqual([
      ['<img src=x onerror="alert(1)">', "pending"],
      ["bob@example.com", "accepted"],
      ["cat@example.com", "pending"],
      ["grace@example.com", "accepted"],
    ]);
    const html = reportHtml(report);
    expect(html).toContain('<td class="member">cat@example.com <span class="status">(pending)</span></td>');
    expect(html).toContain('<td class="member">grace@example.com</td>');
    expect(html).toContain("<h2>Members: status, roles and direct policies</h2>");
    expect(html).toContain('<tr><td class="member">bob@example.com</td><td>accepted</td><td></td><td>Administrator on production zones; DNS Write on production zones</td></tr>');
    expect(html).toContain('<tr><td class="member">ada@example.com</td><td>accepted</td><td>Administrator</td><td></td></tr>');
    expect(html).not.toContain("<img");
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62; <span class="status">(pending)</span>');
  });
});

describe("a member's status in the page, when the account does not say it", () => {
  const ACCOUNT = "c".repeat(32);
  const WHOLE = `com.cloudflare.api.account.${ACCOUNT}`;
  const account = (members: AccountSnapshot["members"], memberIds: string[]): AccountSnapshot => ({
    accountId: ACCOUNT,
    permissionGroups: [{ id: "dns", name: "DNS Write", label: "dns_write", description: "", scopes: [] }],
    members,
    roles: [{ id: "r-ops", name: "Ops Role", description: "", permissions: {} }],
    resourceGroups: [{ id: "prod", name: "production", scope: { key: WHOLE, objects: ["zone.prod"] }, system: false }],
    userGroups: [{ id: "g", name: "SRE", memberIds, scimManaged: false, policies: [{ access: "allow", permissionGroups: ["dns"], resourceGroups: ["prod"], scopes: [] }] }],
    ssoConnectors: [],
    oauthClients: [],
    skipped: [],
  });

  it("without a member of that kind, the page has no members table; a member's roles are listed one by one", () => {
    const quiet = reportHtml(accessReport(account([{ id: "m", email: "m@example.com", status: "accepted", roles: [], policies: [] }], ["m"]), defaultRiskRules));
    expect(quiet).not.toContain("Members: status");
    expect(quiet).toMatch(/<\/section>\n\n<script>/);
    const roles = [
      { id: "r-ops", name: "Ops Role", description: "", permissions: {} },
      { id: "r-audit", name: "Audit Role", description: "", permissions: {} },
    ];
    const two = { ...account([{ id: "m", email: "m@example.com", status: "accepted", roles: ["r-ops", "r-audit"], policies: [] }], []), roles };
    expect(reportHtml(accessReport(two, defaultRiskRules))).toContain('<tr><td class="member">m@example.com</td><td>accepted</td><td>Audit Role, Ops Role</td><td></td></tr>');
  });

  it("a grantee the account does not list, or a member with no status, shows the status as unknown", () => {
    const html = reportHtml(accessReport(account([{ id: "m", email: "m@example.com", status: "", roles: ["r-ops"], policies: [] }], ["ghost", "m"]), defaultRiskRules));
    expect(html).toContain('<td class="member">ghost <span class="status">(status unknown)</span></td>');
    expect(html).toContain('<td class="member">m@example.com <span class="status">(status unknown)</span></td>');
    expect(html).toContain('<tr><td class="member">m@example.com</td><td>unknown</td><td>Ops Role</td><td></td></tr>');
  });
});
