/**
 * The answer a reviewer needs, a pure function of the account before and after a change: who
 * gains and who loses what, where and why, what else changes (groups, OAuth clients, SSO), and
 * the risks, listed first.
 */
import type { AccountSnapshot, SnapshotPolicy } from "../account/snapshot";
import { effectiveAccess, type Grant, grantKey, policyTargets, type Source, sourceKey, type Target, targetKey } from "./effective";
import { isAccountWide, isAdministratorClass, isAdministratorPermission, type RiskRules, UNKNOWN_PERMISSION } from "./risk";
import { ROLE_PREFIX } from "./roles";
import { join, name, plain, quoted, type Text, text } from "./text";

/**
 * Why a line is gained or lost: through a user group (`via`, `leaves` it, its `policy` changes,
 * it is `deleted`), a legacy `role`, or a `direct` policy of the member's own.
 */
export type Why = "via" | "leaves" | "policy" | "deleted" | "role" | "direct";

/** One line of a person's change: these permission groups, on this target, through this group or role. */
export interface AccessLine {
  permissionGroups: string[];
  target: Text;
  /** The user group's or the role's name; empty for a direct policy. */
  group: string;
  why: Why;
}

/** What happens to the membership itself: the person is invited into the account, leaves it, or stays. */
export type Membership = "invited" | "leaves" | "stays";

export interface PersonChange {
  memberId: string;
  member: string;
  membership: Membership;
  /** The membership's status after the change, or before it for one who leaves: `pending` until they accept (fact 57). */
  status: string;
  gains: AccessLine[];
  losses: AccessLine[];
}

export type RiskKind =
  | "administrator"
  | "direct-administrator"
  | "invited-administrator"
  | "account-wide"
  | "public-oauth-client"
  | "removes-outside-members"
  | "deny-policy"
  | "unresolved"
  | "not-reviewed"
  | "changed-file"
  | "unknown-roles";

export interface Risk {
  kind: RiskKind;
  message: Text;
}

export interface Change {
  subject: Text;
  change: Text;
}

export interface Review {
  risks: Risk[];
  people: PersonChange[];
  groups: Change[];
  resourceGroups: Change[];
  oauthClients: Change[];
  ssoConnectors: Change[];
  /** Context, not a change: who holds access outside user groups after the change (roles, direct policies). */
  direct: Change[];
  notes: Text[];
}

/** Members an authoritative member list would remove though this program never added them. */
export interface OutsideRemoval {
  groupId: string;
  memberIds: string[];
}

export const emptyReview = (): Review => ({ risks: [], people: [], groups: [], resourceGroups: [], oauthClients: [], ssoConnectors: [], direct: [], notes: [] });

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
  /** The membership's status after the change, or before it for one who leaves. */
  status = (id: string) => this.find((a) => a.members, id)?.status ?? "";
  permissionGroup = (id: string) =>
    id === UNKNOWN_PERMISSION
      ? "(a permission group unknown until apply)"
      : id.startsWith(ROLE_PREFIX)
        ? this.role(id.slice(ROLE_PREFIX.length))
        : this.find((a) => a.permissionGroups, id)?.name || id;
  role = (id: string) => this.find((a) => a.roles, id)?.name || id;
  group = (id: string) => this.find((a) => a.userGroups, id)?.name ?? id;

  target = (target: Target): Text => {
    if (isAccountWide(target, this.after) || isAccountWide(target, this.before)) return ["the account"];
    if ("scope" in target)
      return text`scope ${join(
        target.scope.objects.map((o) => [name(o)]),
        ", ",
      )}`;
    const group = this.find((a) => a.resourceGroups, target.resourceGroupId);
    return [group ? quoted(group.name) : name(target.resourceGroupId)];
  };

  /** What a grant comes through, as a line's `group`: the user group's or role's name. */
  source = (source: Source): string => (source.kind === "group" ? this.group(source.groupId) : source.kind === "role" ? this.role(source.roleId) : "");
}

const sortedUnique = (values: string[]) => [...new Set(values)].sort();

/** Grants that differ, grouped into lines by person, target, group and reason. */
function lines(grants: Grant[], names: Names, why: (g: Grant) => Why): Map<string, AccessLine[]> {
  const byLine = new Map<string, { memberId: string; line: AccessLine }>();
  for (const grant of grants) {
    const reason = why(grant);
    const key = [grant.memberId, targetKey(grant.target), sourceKey(grant.source), reason].join("\t");
    const entry = byLine.get(key) ?? {
      memberId: grant.memberId,
      line: { permissionGroups: [], target: names.target(grant.target), group: names.source(grant.source), why: reason },
    };
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

type MembershipOf = (memberId: string) => Membership;

function people(before: AccountSnapshot, after: AccountSnapshot, names: Names, membership: MembershipOf): { people: PersonChange[]; gained: Grant[] } {
  const [was, will] = [effectiveAccess(before), effectiveAccess(after)];
  const [wasKeys, willKeys] = [new Set(was.map(grantKey)), new Set(will.map(grantKey))];
  const gained = will.filter((g) => !wasKeys.has(grantKey(g)));
  const lost = was.filter((g) => !willKeys.has(grantKey(g)));
  const gains = lines(gained, names, (g) => (g.source.kind === "group" ? "via" : g.source.kind));
  const losses = lines(lost, names, ({ source, memberId }) => {
    if (source.kind !== "group") return source.kind;
    const group = after.userGroups.find((g) => g.id === source.groupId);
    if (!group) return "deleted";
    return group.memberIds.includes(memberId) ? "policy" : "leaves";
  });
  const moving = [...before.members, ...after.members].map((m) => m.id).filter((id) => membership(id) !== "stays");
  const ids = sortedUnique([...gains.keys(), ...losses.keys(), ...moving]);
  const changes = ids.map((memberId) => ({
    memberId,
    member: names.member(memberId),
    membership: membership(memberId),
    status: names.status(memberId),
    gains: gains.get(memberId) ?? [],
    losses: losses.get(memberId) ?? [],
  }));
  return { people: changes.sort((a, b) => a.member.localeCompare(b.member)), gained };
}

/** Invited: a member only after the change; leaves: a member only before it (a membership's delete, fact 66). */
function membershipOf(before: AccountSnapshot, after: AccountSnapshot): MembershipOf {
  const [was, will] = [new Set(before.members.map((m) => m.id)), new Set(after.members.map((m) => m.id))];
  return (id) => (will.has(id) && !was.has(id) ? "invited" : was.has(id) && !will.has(id) ? "leaves" : "stays");
}

/** `ada@ gains Administrator on the account (via SRE)`: a gained grant in words. */
function grantText(grant: Grant, names: Names, verb = "gains"): Text {
  const how: Record<Source["kind"], Text> = {
    group: text`via ${name(names.source(grant.source))}`,
    role: text`via role ${name(names.source(grant.source))}`,
    direct: ["via a direct policy"],
  };
  return text`${name(names.member(grant.memberId))} ${verb} ${name(names.permissionGroup(grant.permissionGroupId))} on ${names.target(grant.target)} (${how[grant.source.kind]})`;
}

/**
 * An administrator-class gain, named by how it comes: to someone invited straight into it, to a
 * member directly (a role or a policy of their own, outside any user group), or through a group.
 */
function administratorRisk(grant: Grant, invited: boolean, names: Names): Risk {
  if (invited)
    return {
      kind: "invited-administrator",
      message: text`${grantText(grant, names, "is invited straight into")}: an administrator-class grant for someone not yet in the account`,
    };
  const who = grantText(grant, names);
  if (grant.source.kind !== "group") return { kind: "direct-administrator", message: text`${who}: an administrator-class grant given directly, outside any user group` };
  return { kind: "administrator", message: text`${who}: an administrator-class permission group` };
}

function risks(gained: Grant[], after: AccountSnapshot, names: Names, rules: RiskRules, outside: OutsideRemoval[], membership: MembershipOf): Risk[] {
  const found = new Map<string, Risk>();
  for (const grant of gained) {
    const who = grantText(grant, names);
    const key = plain(who);
    if (isAdministratorPermission(grant.permissionGroupId, after, rules)) found.set(`admin\t${key}`, administratorRisk(grant, membership(grant.memberId) === "invited", names));
    if (isAccountWide(grant.target, after)) found.set(`wide\t${key}`, { kind: "account-wide", message: text`${who}: a grant on the whole account` });
  }
  for (const removal of outside.filter((r) => r.memberIds.length)) {
    const who = join(
      [...new Set(removal.memberIds.map(names.member))].sort().map((m) => [name(m)]),
      ", ",
    );
    found.set(`outside\t${removal.groupId}`, {
      kind: "removes-outside-members",
      message: text`the member list of ${quoted(names.group(removal.groupId))} would remove ${who}, added outside this program`,
    });
  }
  return [...found.values()];
}

/** fact 21: Cloudflare refuses deny policies, so a change that adds one may apply without it. */
function denyRisks(before: AccountSnapshot, after: AccountSnapshot, names: Names): Risk[] {
  const denies = (account: AccountSnapshot) => [
    ...account.userGroups.flatMap((g) => g.policies.filter((p) => p.access === "deny").map((p) => ({ holder: text`user group ${quoted(g.name)}`, key: `g:${g.id}`, p }))),
    ...account.members.flatMap((m) => m.policies.filter((p) => p.access === "deny").map((p) => ({ holder: text`member ${name(m.email || m.id)}`, key: `m:${m.id}`, p }))),
  ];
  const was = new Set(denies(before).map((d) => `${d.key}\t${plain(policyText(d.p, names))}`));
  return denies(after)
    .filter((d) => !was.has(`${d.key}\t${plain(policyText(d.p, names))}`))
    .map((d) => ({
      kind: "deny-policy" as const,
      message: text`${d.holder} gains the policy ${policyText(d.p, names)}: Cloudflare refuses deny policies (fact 21), so it will not take effect and the other steps may apply without it; the review counts no access as taken away by it`,
    }));
}

function policyText(policy: SnapshotPolicy, names: Names): Text {
  const permissions = join(
    policy.permissionGroups
      .map(names.permissionGroup)
      .sort()
      .map((p) => [name(p)]),
    ", ",
  );
  return text`${policy.access === "deny" ? "deny" : "allow"} ${permissions} on ${join(policyTargets(policy).map(names.target), ", ")}`;
}

function groups(before: AccountSnapshot, after: AccountSnapshot, names: Names): Change[] {
  const changes: Change[] = [];
  for (const group of after.userGroups) {
    const old = before.userGroups.find((g) => g.id === group.id);
    const subject = [quoted(group.name)];
    if (!old) {
      changes.push({ subject, change: [`new group, with ${group.memberIds.length} members and ${group.policies.length} policies`] });
      continue;
    }
    if (old.name !== group.name) changes.push({ subject, change: text`renamed from ${quoted(old.name)}` });
    if (group.memberIds.length > 0) continue;
    // Policy changes of an empty group grant nothing yet: they show here, not under people.
    const [was, will] = [old.policies.map((p) => policyText(p, names)), group.policies.map((p) => policyText(p, names))];
    const has = (list: Text[], t: Text) => list.some((x) => plain(x) === plain(t));
    for (const policy of will.filter((t) => !has(was, t))) changes.push({ subject, change: text`gains the policy ${policy}, which affects nobody yet` });
    for (const policy of was.filter((t) => !has(will, t))) changes.push({ subject, change: text`loses the policy ${policy}, which affected nobody` });
  }
  for (const group of before.userGroups.filter((g) => !after.userGroups.some((a) => a.id === g.id))) {
    changes.push({ subject: [quoted(group.name)], change: [`deleted, with its ${group.memberIds.length} members and ${group.policies.length} policies`] });
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
    const change = join([...added.map((o) => text`+${name(o)}`), ...removed.map((o) => text`-${name(o)}`)], ", ");
    return [{ subject: [quoted(group.name)], change: text`now covers ${change}: every grant on it changes with it` }];
  });
}

type Client = AccountSnapshot["oauthClients"][number];
const clientName = (c: Client): Text => [quoted(String(c.args.clientName ?? c.id))];
const scopesOf = (c: Client) => (Array.isArray(c.args.scopes) ? c.args.scopes.map(String) : []);
const scopeList = (scopes: string[], sign = "") => scopes.map((s) => text`${sign}${name(s)}`);

function oauthClients(before: AccountSnapshot, after: AccountSnapshot): { changes: Change[]; risks: Risk[] } {
  const changes: Change[] = [];
  const found: Risk[] = [];
  for (const client of after.oauthClients) {
    const old = before.oauthClients.find((c) => c.id === client.id);
    const visibility = String(client.args.visibility ?? "private");
    if (!old) {
      changes.push({ subject: clientName(client), change: text`new ${name(visibility)} client with the scopes ${join(scopeList(scopesOf(client)), ", ")}` });
    } else {
      const added = scopesOf(client).filter((s) => !scopesOf(old).includes(s));
      const removed = scopesOf(old).filter((s) => !scopesOf(client).includes(s));
      if (added.length || removed.length) changes.push({ subject: clientName(client), change: text`scopes ${join([...scopeList(added, "+"), ...scopeList(removed, "-")], ", ")}` });
      const was = String(old.args.visibility ?? "private");
      if (was !== visibility) changes.push({ subject: clientName(client), change: text`visibility ${name(was)} → ${name(visibility)}` });
    }
    if (visibility === "public" && String(old?.args.visibility ?? "private") !== "public") {
      found.push({ kind: "public-oauth-client", message: text`OAuth client ${clientName(client)} becomes public: any Cloudflare user can authorize it` });
    }
  }
  for (const client of before.oauthClients.filter((c) => !after.oauthClients.some((a) => a.id === c.id))) {
    changes.push({ subject: clientName(client), change: ["deleted: every token it issued stops working"] });
  }
  return { changes, risks: found };
}

function ssoConnectors(before: AccountSnapshot, after: AccountSnapshot): Change[] {
  const changes: Change[] = [];
  for (const connector of after.ssoConnectors) {
    const old = before.ssoConnectors.find((c) => c.id === connector.id);
    const subject = [name(connector.emailDomain)];
    const record: Text = connector.verificationCode
      ? text`publish the DNS record ${name(connector.emailDomain)} TXT ${quoted(connector.verificationCode)}`
      : ["publish the DNS TXT record its verificationCode output shows after pulumi up"];
    if (!old) changes.push({ subject, change: text`new SSO connector (${connector.enabled ? "enabled" : "not enabled"}): ${record}` });
    else if (old.enabled !== connector.enabled) changes.push({ subject, change: [connector.enabled ? "SSO is enabled" : "SSO is disabled"] });
  }
  for (const connector of before.ssoConnectors.filter((c) => !after.ssoConnectors.some((a) => a.id === c.id))) {
    changes.push({ subject: [name(connector.emailDomain)], change: ["SSO connector removed: its users sign in without SSO"] });
  }
  return changes;
}

/**
 * Who holds access outside user groups once the change is applied: each member's roles and own
 * policies, administrator-class ones marked. A reviewer weighing a group's change sees who already
 * holds more than any group gives.
 */
function directAccess(after: AccountSnapshot, names: Names, rules: RiskRules): Change[] {
  // From effective access, so a role and the policy the API mirrors it into (fact 62) show once.
  const held = lines(
    effectiveAccess(after).filter((g) => g.source.kind !== "group"),
    names,
    (g) => g.source.kind as Why,
  );
  return [...held.entries()]
    .map(([memberId, list]) => ({
      // fact 57: a pending member holds this once they accept.
      subject: names.status(memberId) === "pending" ? text`${name(names.member(memberId))} (invite pending)` : [name(names.member(memberId))],
      change: join(
        list.map((l) => {
          const what = join(
            l.permissionGroups.map((p) => [name(p)]),
            ", ",
          );
          const admin = l.why === "role" && isAdministratorClass({ name: l.group, label: "" }, rules) ? " (administrator-class)" : "";
          return l.why === "role" ? text`role ${name(l.group)}${admin}` : text`${what} on ${l.target} (a direct policy)`;
        }),
        "; ",
      ),
    }))
    .sort((a, b) => plain(a.subject).localeCompare(plain(b.subject)));
}

/** What the review knows it cannot see: the account's role names (fact 78), whoever reads them fails closed. */
function rolesUnknown(account: AccountSnapshot): Risk[] {
  return account.rolesUnknown
    ? [{ kind: "unknown-roles", message: text`the account's role names could not be read (${name(account.rolesUnknown)}): every role is counted as administrator-class` }]
    : [];
}

/**
 * The review of a change. `unresolved` are the risks the caller found in what it could not play
 * exactly (an unknown at preview, a type it does not know): they come first, never dropped.
 */
export function compareAccess(
  before: AccountSnapshot,
  after: AccountSnapshot,
  rules: RiskRules,
  outside: OutsideRemoval[] = [],
  notes: Text[] = [],
  unresolved: Risk[] = [],
): Review {
  const names = new Names(before, after);
  const membership = membershipOf(before, after);
  const { people: changes, gained } = people(before, after, names, membership);
  const oauth = oauthClients(before, after);
  return {
    risks: [
      ...unresolved,
      ...risks(gained, after, names, rules, outside, membership),
      ...denyRisks(before, after, names),
      ...oauth.risks,
      ...(unresolved.length || changes.length ? rolesUnknown(after) : []),
    ],
    people: changes,
    groups: groups(before, after, names),
    resourceGroups: resourceGroups(before, after),
    oauthClients: oauth.changes,
    ssoConnectors: ssoConnectors(before, after),
    direct: directAccess(after, names, rules),
    notes,
  };
}

/** The review as data, for `--format json`: every text as one plain string, names as they are. */
export function reviewData(review: Review) {
  const line = (l: AccessLine) => ({ ...l, target: plain(l.target) });
  const change = (c: Change) => ({ subject: plain(c.subject), change: plain(c.change) });
  return {
    risks: review.risks.map((r) => ({ kind: r.kind, message: plain(r.message) })),
    people: review.people.map((p) => ({ ...p, gains: p.gains.map(line), losses: p.losses.map(line) })),
    groups: review.groups.map(change),
    resourceGroups: review.resourceGroups.map(change),
    oauthClients: review.oauthClients.map(change),
    ssoConnectors: review.ssoConnectors.map(change),
    direct: review.direct.map(change),
    notes: review.notes.map(plain),
  };
}
