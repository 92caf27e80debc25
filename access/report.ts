/**
 * The account's effective access for an auditor: one matrix per resource group (members down
 * the side, permission groups across), each cell naming the user groups that grant it, risky
 * cells marked. As data (JSON) and as one self-contained HTML page that needs no network.
 */
import type { AccountSnapshot } from "../account/snapshot";
import { effectiveAccess, type Grant, type Source, targetKey } from "./effective";
import { isAccountWide, isAdministratorPermission, type RiskRules } from "./risk";
import { ROLE_PREFIX } from "./roles";

export interface ReportCell {
  /** What grants it: user groups by name, `role <name>`, `a direct policy`. */
  via: string[];
  /** Why it is a risk, when it is one. */
  risks: string[];
}

export interface ReportSection {
  target: string;
  accountWide: boolean;
  permissionGroups: { id: string; name: string; administrator: boolean }[];
  rows: { memberId: string; member: string; status: string; cells: (ReportCell | null)[] }[];
}

/** A member whose membership or own grants an auditor weighs apart from groups: a pending invite, a role, a direct policy. */
export interface ReportMember {
  memberId: string;
  member: string;
  /** fact 57: `pending` until the person accepts the invite. */
  status: string;
  /** The legacy roles they hold, by name. */
  roles: string[];
  /** Their own policies' grants, `<permission group> on <where>`; a role's mirror (fact 62) is the role. */
  directPolicies: string[];
}

export interface AccessReport {
  accountId: string;
  members: number;
  grants: number;
  sections: ReportSection[];
  people: ReportMember[];
}

function targetName(grant: Grant, account: AccountSnapshot): string {
  if (isAccountWide(grant.target, account)) return "The whole account";
  if ("scope" in grant.target) return `Scope ${grant.target.scope.objects.join(", ")}`;
  const id = grant.target.resourceGroupId;
  return account.resourceGroups.find((g) => g.id === id)?.name ?? id;
}

export function accessReport(account: AccountSnapshot, rules: RiskRules): AccessReport {
  const grants = effectiveAccess(account);
  const byTarget = new Map<string, Grant[]>();
  for (const grant of grants) byTarget.set(targetKey(grant.target), [...(byTarget.get(targetKey(grant.target)) ?? []), grant]);
  const memberName = (id: string) => account.members.find((m) => m.id === id)?.email || id;
  const statusOf = (id: string) => account.members.find((m) => m.id === id)?.status ?? "";
  const roleName = (id: string) => account.roles.find((r) => r.id === id)?.name || id;
  const via = (source: Source) =>
    source.kind === "group"
      ? (account.userGroups.find((g) => g.id === source.groupId)?.name ?? source.groupId)
      : source.kind === "role"
        ? `role ${roleName(source.roleId)}`
        : "a direct policy";
  const permissionName = (id: string) =>
    id.startsWith(ROLE_PREFIX) ? `role ${roleName(id.slice(ROLE_PREFIX.length))}` : (account.permissionGroups.find((p) => p.id === id)?.name ?? id);

  const sections = [...byTarget.values()].map((inTarget): ReportSection => {
    const accountWide = isAccountWide(inTarget[0].target, account);
    const permissionGroups = [...new Set(inTarget.map((g) => g.permissionGroupId))]
      .map((id) => ({ id, name: permissionName(id), administrator: isAdministratorPermission(id, account, rules) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const memberIds = [...new Set(inTarget.map((g) => g.memberId))].sort((a, b) => memberName(a).localeCompare(memberName(b)));
    const rows = memberIds.map((memberId) => ({
      memberId,
      member: memberName(memberId),
      status: statusOf(memberId),
      cells: permissionGroups.map((pg) => {
        const sources = inTarget.filter((g) => g.memberId === memberId && g.permissionGroupId === pg.id).map((g) => via(g.source));
        if (!sources.length) return null;
        const risks = [...(pg.administrator ? ["administrator-class"] : []), ...(accountWide ? ["the whole account"] : [])];
        return { via: [...new Set(sources)].sort(), risks };
      }),
    }));
    return { target: targetName(inTarget[0], account), accountWide, permissionGroups, rows };
  });
  sections.sort((a, b) => Number(b.accountWide) - Number(a.accountWide) || a.target.localeCompare(b.target));
  const sorted = (values: string[]) => [...new Set(values)].sort();
  const people = account.members
    .map((m): ReportMember => {
      const own = grants.filter((g) => g.memberId === m.id && g.source.kind !== "group");
      return {
        memberId: m.id,
        member: memberName(m.id),
        status: m.status,
        roles: sorted(own.flatMap((g) => (g.source.kind === "role" ? [roleName(g.source.roleId)] : []))),
        directPolicies: sorted(own.filter((g) => g.source.kind === "direct").map((g) => `${permissionName(g.permissionGroupId)} on ${targetName(g, account)}`)),
      };
    })
    .filter((p) => p.status !== "accepted" || p.roles.length > 0 || p.directPolicies.length > 0)
    .sort((a, b) => a.member.localeCompare(b.member));
  return { accountId: account.accountId, members: new Set(grants.map((g) => g.memberId)).size, grants: grants.length, sections, people };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d1d1f; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
.summary { color: #555; margin-bottom: 16px; }
#filter { font: inherit; padding: 6px 10px; width: 320px; border: 1px solid #bbb; border-radius: 6px; }
table { border-collapse: collapse; margin-top: 4px; }
th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: center; }
th.member, td.member { text-align: left; white-space: nowrap; }
thead th { background: #f4f4f6; font-weight: 600; }
th.admin { color: #a30000; }
td.granted { background: #e8f5e9; }
td.risk { background: #ffe0e0; font-weight: 600; }
td.granted span { font-size: 12px; color: #333; }
span.status { color: #8a5a00; font-size: 12px; }
#members td { text-align: left; }
.legend span { display: inline-block; padding: 2px 8px; margin-right: 8px; border: 1px solid #ddd; }
`;

const FILTER_SCRIPT = `
const box = document.getElementById("filter");
box.addEventListener("input", () => {
  const wanted = box.value.trim().toLowerCase();
  for (const section of document.querySelectorAll("section")) {
    let shown = 0;
    for (const row of section.querySelectorAll("tbody tr")) {
      const match = !wanted || row.dataset.member.includes(wanted) || row.dataset.via.includes(wanted);
      row.hidden = !match;
      if (match) shown++;
    }
    section.hidden = shown === 0;
  }
});
`;

/** A member's email, with their status when it is not `accepted` (fact 57: an invite is pending until they accept). */
const memberHtml = (member: string, status: string) =>
  `${escapeHtml(member)}${status === "accepted" ? "" : ` <span class="status">(${escapeHtml(status || "status unknown")})</span>`}`;

const cellsHtml = (values: string[]) => values.map((v) => `<td>${escapeHtml(v)}</td>`).join("");

/** Members with a pending invite, roles or policies of their own: who holds what outside user groups. */
function peopleHtml(people: ReportMember[]): string {
  if (!people.length) return "";
  const rows = people
    .map((p) => `<tr><td class="member">${escapeHtml(p.member)}</td>${cellsHtml([p.status || "unknown", p.roles.join(", "), p.directPolicies.join("; ")])}</tr>`)
    .join("\n");
  return `<div id="members"><h2>Members: status, roles and direct policies</h2>
<table><thead><tr><th class="member">Member</th><th>Status</th><th>Roles</th><th>Direct policies</th></tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

function sectionHtml(section: ReportSection): string {
  const header = section.permissionGroups.map((pg) => `<th${pg.administrator ? ' class="admin" title="administrator-class"' : ""}>${escapeHtml(pg.name)}</th>`).join("");
  const rows = section.rows
    .map((row) => {
      const via = [...new Set(row.cells.flatMap((c) => c?.via ?? []))].join(" ").toLowerCase();
      const cells = row.cells
        .map((cell, i) => {
          if (!cell) return "<td></td>";
          const title = `${section.permissionGroups[i].name}, via ${cell.via.join(", ")}${cell.risks.length ? ` (risk: ${cell.risks.join(", ")})` : ""}`;
          return `<td class="granted${cell.risks.length ? " risk" : ""}" title="${escapeHtml(title)}">✓ <span>${escapeHtml(cell.via.join(", "))}</span></td>`;
        })
        .join("");
      return `<tr data-member="${escapeHtml(row.member.toLowerCase())}" data-via="${escapeHtml(via)}"><td class="member">${memberHtml(row.member, row.status)}</td>${cells}</tr>`;
    })
    .join("\n");
  return `<section data-target="${escapeHtml(section.target)}"><h2>${escapeHtml(section.target)}</h2>
<table><thead><tr><th class="member">Member</th>${header}</tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

export function reportHtml(report: AccessReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cloudflare access of account ${escapeHtml(report.accountId)}</title><style>${STYLE}</style></head>
<body>
<h1>Cloudflare access of account ${escapeHtml(report.accountId)}</h1>
<div class="summary">${report.members} members hold ${report.grants} grants through user groups, roles and direct policies, in ${report.sections.length} places. Each cell names what grants it.</div>
<div class="legend"><span class="granted" style="background:#e8f5e9">✓ granted</span><span style="background:#ffe0e0">✓ risk: administrator-class, or the whole account</span></div>
<p><input id="filter" type="search" placeholder="Filter by member or group" aria-label="Filter by member or group"></p>
${report.sections.map(sectionHtml).join("\n")}
${peopleHtml(report.people)}
<script>${FILTER_SCRIPT}</script>
</body></html>
`;
}
