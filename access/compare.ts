/**
 * The answer a reviewer needs, a pure function of the account before and after a change: who
 * gains and who loses what, where and why, what else changes (groups, OAuth clients, SSO), and
 * the risks, listed first.
 */
import type { AccountSnapshot } from "../account/snapshot";
import { effectiveAccess, Grant, grantKey, Target, targetKey } from "./effective";
import { isAccountWide, isAdministratorClass, RiskRules } from "./risk";

export type Why = "via" | "leaves" | "policy" | "deleted";

/** One line of a person's change: these permission groups, on this target, through this group. */
export interface AccessLine {
  permissionGroups: string[];
  target: string;
  group: string;
  why: Why;
}

export interface PersonChange {
  memberId: string;
  member: string;
  gains: AccessLine[];
  losses: AccessLine[];
}

export type RiskKind = "administrator" | "account-wide" | "public-oauth-client" | "removes-outside-members";

export interface Risk {
  kind: RiskKind;
  message: string;
}

export interface Change {
  subject: string;
  change: string;
}

export interface Review {
  risks: Risk[];
  people: PersonChange[];
  groups: Change[];
  resourceGroups: Change[];
  oauthClients: Change[];
  ssoConnectors: Change[];
  notes: string[];
}

/** Members an authoritative member list would remove though this program never added them. */
export interface OutsideRemoval {
  groupId: string;
  memberIds: string[];
}

export const emptyReview = (): Review => ({ risks: [], people: [], groups: [], resourceGroups: [], oauthClients: [], ssoConnectors: [], notes: [] });

export const altersNoAccess = (review: Review) =>
  [review.risks, review.people, review.groups, review.resourceGroups, review.oauthClients, review.ssoConnectors].every((list) => list.length === 0);

/** How ids read to people: emails, names, "the account". */
class Names {
  constructor(
    private readonly before: AccountSnapshot,
    private readonly after: AccountSnapshot,
  ) {}

  private find<T extends { id: string }>(pick: (a: AccountSnapshot) => T[], id: string): T | undefined {
    return pick(this.after).find((x) => x.id === id) ?? pick(this.before).find((x) => x.id === id);
  }

  member = (id: string) => this.find((a) => a.members, id)?.email || id;
  permissionGroup = (id: string) => this.find((a) => a.permissionGroups, id)?.name || id;
  group = (id: string) => this.find((a) => a.userGroups, id)?.name ?? id;

  target = (target: Target): string => {
    if (isAccountWide(target, this.after) || isAccountWide(target, this.before)) return "the account";
    if ("scope" in target) return `scope ${target.scope.objects.join(", ")}`;
    const group = this.find((a) => a.resourceGroups, target.resourceGroupId);
    return group ? JSON.stringify(group.name) : target.resourceGroupId;
  };
}

const sortedUnique = (values: string[]) => [...new Set(values)].sort();

/** Grants that differ, grouped into lines by person, target, group and reason. */
function lines(grants: Grant[], names: Names, why: (g: Grant) => Why): Map<string, AccessLine[]> {
  const byLine = new Map<string, { memberId: string; line: AccessLine }>();
  for (const grant of grants) {
    const reason = why(grant);
    const key = [grant.memberId, targetKey(grant.target), grant.groupId, reason].join("\t");
    const entry = byLine.get(key) ?? { memberId: grant.memberId, line: { permissionGroups: [], target: names.target(grant.target), group: names.group(grant.groupId), why: reason } };
    entry.line.permissionGroups.push(names.permissionGroup(grant.permissionGroupId));
    byLine.set(key, entry);
  }
  const byMember = new Map<string, AccessLine[]>();
  for (const { memberId, line } of byLine.values()) {
    line.permissionGroups.sort();
    byMember.set(memberId, [...(byMember.get(memberId) ?? []), line]);
  }
  return byMember;
}

function people(before: AccountSnapshot, after: AccountSnapshot, names: Names): { people: PersonChange[]; gained: Grant[] } {
  const [was, will] = [effectiveAccess(before), effectiveAccess(after)];
  const [wasKeys, willKeys] = [new Set(was.map(grantKey)), new Set(will.map(grantKey))];
  const gained = will.filter((g) => !wasKeys.has(grantKey(g)));
  const lost = was.filter((g) => !willKeys.has(grantKey(g)));
  const groupAfter = (id: string) => after.userGroups.find((g) => g.id === id);
  const gains = lines(gained, names, () => "via");
  const losses = lines(lost, names, (g) => {
    const group = groupAfter(g.groupId);
    if (!group) return "deleted";
    return group.memberIds.includes(g.memberId) ? "policy" : "leaves";
  });
  const ids = sortedUnique([...gains.keys(), ...losses.keys()]);
  const changes = ids.map((memberId) => ({ memberId, member: names.member(memberId), gains: gains.get(memberId) ?? [], losses: losses.get(memberId) ?? [] }));
  return { people: changes.sort((a, b) => a.member.localeCompare(b.member)), gained };
}

function risks(gained: Grant[], after: AccountSnapshot, names: Names, rules: RiskRules, outside: OutsideRemoval[]): Risk[] {
  const found = new Map<string, Risk>();
  for (const grant of gained) {
    const who = `${names.member(grant.memberId)} gains ${names.permissionGroup(grant.permissionGroupId)} on ${names.target(grant.target)} (via ${names.group(grant.groupId)})`;
    const group = after.permissionGroups.find((p) => p.id === grant.permissionGroupId);
    if (isAdministratorClass(group, rules)) found.set(`admin\t${who}`, { kind: "administrator", message: `${who}: an administrator-class permission group` });
    if (isAccountWide(grant.target, after)) found.set(`wide\t${who}`, { kind: "account-wide", message: `${who}: a grant on the whole account` });
  }
  for (const removal of outside.filter((r) => r.memberIds.length)) {
    const who = removal.memberIds.map(names.member).sort().join(", ");
    found.set(`outside\t${removal.groupId}`, {
      kind: "removes-outside-members",
      message: `the member list of ${JSON.stringify(names.group(removal.groupId))} would remove ${who}, added outside this program`,
    });
  }
  return [...found.values()];
}

const policyText = (policy: AccountSnapshot["userGroups"][number]["policies"][number], names: Names) => {
  const targets = [...policy.resourceGroups.map((resourceGroupId) => ({ resourceGroupId })), ...policy.scopes.map((s) => ({ scope: { key: s.key, objects: s.objects.map((o) => o.key) } }))];
  return `${policy.access} ${policy.permissionGroups.map(names.permissionGroup).sort().join(", ")} on ${targets.map(names.target).join(", ")}`;
};

function groups(before: AccountSnapshot, after: AccountSnapshot, names: Names): Change[] {
  const changes: Change[] = [];
  for (const group of after.userGroups) {
    const old = before.userGroups.find((g) => g.id === group.id);
    const subject = JSON.stringify(group.name);
    if (!old) {
      changes.push({ subject, change: `new group, with ${group.memberIds.length} members and ${group.policies.length} policies` });
      continue;
    }
    if (old.name !== group.name) changes.push({ subject, change: `renamed from ${JSON.stringify(old.name)}` });
    if (group.memberIds.length > 0) continue;
    // Policy changes of an empty group grant nothing yet: they show here, not under people.
    const [was, will] = [old.policies.map((p) => policyText(p, names)), group.policies.map((p) => policyText(p, names))];
    for (const text of will.filter((t) => !was.includes(t))) changes.push({ subject, change: `gains the policy ${text}, which affects nobody yet` });
    for (const text of was.filter((t) => !will.includes(t))) changes.push({ subject, change: `loses the policy ${text}, which affected nobody` });
  }
  for (const group of before.userGroups.filter((g) => !after.userGroups.some((a) => a.id === g.id))) {
    changes.push({ subject: JSON.stringify(group.name), change: `deleted, with its ${group.memberIds.length} members and ${group.policies.length} policies` });
  }
  return changes;
}

function resourceGroups(before: AccountSnapshot, after: AccountSnapshot): Change[] {
  return after.resourceGroups.flatMap((group) => {
    const old = before.resourceGroups.find((g) => g.id === group.id);
    if (!old) return [];
    const added = group.scope.objects.filter((o) => !old.scope.objects.includes(o));
    const removed = old.scope.objects.filter((o) => !group.scope.objects.includes(o));
    if (!added.length && !removed.length) return [];
    const change = [...added.map((o) => `+${o}`), ...removed.map((o) => `-${o}`)].join(", ");
    return [{ subject: JSON.stringify(group.name), change: `now covers ${change}: every grant on it changes with it` }];
  });
}

type Client = AccountSnapshot["oauthClients"][number];
const clientName = (c: Client) => JSON.stringify(String(c.args.clientName ?? c.id));
const scopesOf = (c: Client) => (c.args.scopes as string[] | undefined) ?? [];

function oauthClients(before: AccountSnapshot, after: AccountSnapshot): { changes: Change[]; risks: Risk[] } {
  const changes: Change[] = [];
  const found: Risk[] = [];
  for (const client of after.oauthClients) {
    const old = before.oauthClients.find((c) => c.id === client.id);
    const visibility = String(client.args.visibility ?? "private");
    if (!old) {
      changes.push({ subject: clientName(client), change: `new ${visibility} client with the scopes ${scopesOf(client).join(", ")}` });
    } else {
      const added = scopesOf(client).filter((s) => !scopesOf(old).includes(s));
      const removed = scopesOf(old).filter((s) => !scopesOf(client).includes(s));
      if (added.length || removed.length) changes.push({ subject: clientName(client), change: `scopes ${[...added.map((s) => `+${s}`), ...removed.map((s) => `-${s}`)].join(", ")}` });
      if (String(old.args.visibility ?? "private") !== visibility) changes.push({ subject: clientName(client), change: `visibility ${old.args.visibility} → ${visibility}` });
    }
    if (visibility === "public" && String(old?.args.visibility ?? "private") !== "public") {
      found.push({ kind: "public-oauth-client", message: `OAuth client ${clientName(client)} becomes public: any Cloudflare user can authorize it` });
    }
  }
  for (const client of before.oauthClients.filter((c) => !after.oauthClients.some((a) => a.id === c.id))) {
    changes.push({ subject: clientName(client), change: "deleted: every token it issued stops working" });
  }
  return { changes, risks: found };
}

function ssoConnectors(before: AccountSnapshot, after: AccountSnapshot): Change[] {
  const changes: Change[] = [];
  for (const connector of after.ssoConnectors) {
    const old = before.ssoConnectors.find((c) => c.id === connector.id);
    const record = connector.verificationCode
      ? `publish the DNS record ${connector.emailDomain} TXT "${connector.verificationCode}"`
      : "publish the DNS TXT record its verificationCode output shows after pulumi up";
    if (!old) changes.push({ subject: connector.emailDomain, change: `new SSO connector (${connector.enabled ? "enabled" : "not enabled"}): ${record}` });
    else if (old.enabled !== connector.enabled) changes.push({ subject: connector.emailDomain, change: connector.enabled ? "SSO is enabled" : "SSO is disabled" });
  }
  for (const connector of before.ssoConnectors.filter((c) => !after.ssoConnectors.some((a) => a.id === c.id))) {
    changes.push({ subject: connector.emailDomain, change: "SSO connector removed: its users sign in without SSO" });
  }
  return changes;
}

export function compareAccess(before: AccountSnapshot, after: AccountSnapshot, rules: RiskRules, outside: OutsideRemoval[] = [], notes: string[] = []): Review {
  const names = new Names(before, after);
  const { people: changes, gained } = people(before, after, names);
  const oauth = oauthClients(before, after);
  return {
    risks: [...risks(gained, after, names, rules, outside), ...oauth.risks],
    people: changes,
    groups: groups(before, after, names),
    resourceGroups: resourceGroups(before, after),
    oauthClients: oauth.changes,
    ssoConnectors: ssoConnectors(before, after),
    notes,
  };
}
