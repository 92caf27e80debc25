/** The auditor's report, a pure function of an account: what it shows of members themselves. */

import { accessReport, reportHtml } from "../../access/report";
import { defaultRiskRules } from "../../access/risk";
import type { AccountSnapshot } from "../../account/snapshot";

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
