/**
 * What every emulated account starts with: Cloudflare's permission groups, the OAuth scope
 * catalogue, and the account's members (the only ids a user group can hold).
 * Ids are derived from names, so they survive restarts and match between runs.
 */
import { stableId } from "./ids";
import type { PolicyRecord } from "./store";

/** fact 5: real permission groups carry `status`, timestamps and `meta {description, editable, label, scopes}`. */
export interface PermissionGroup {
  id: string;
  name: string;
  status: "V";
  meta: { description: string; editable: "false"; label: string; scopes: string };
  created_on: string;
  modified_on: string;
}

export interface OAuthScope {
  id: string;
  name: string;
  category: string;
  scopes: string[];
}

/** A Cloudflare user: someone with a login, in this account or not (fact 59). */
export interface CloudflareUser {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
}

/** fact 55: the membership id is not the user's; an invitee with no Cloudflare user yet has no `user.id` (fact 73). */
export interface AccountMember {
  id: string;
  email: string;
  status: "accepted" | "pending";
  user: Omit<CloudflareUser, "id"> & { id?: string };
}

/** Two ids the reference's examples use, kept so its sample requests work as written. */
const referenceIds: Record<string, string> = {
  "Zone Read": "c8fed203ed3043cba015a93ad1616f1f",
  "Magic Network Monitoring": "82e64a83756745bbbb1c9c2701bf816b",
};

const products = [
  "Access: Apps and Policies",
  "Access: Organizations, Identity Providers, and Groups",
  "Access: Service Tokens",
  "Account Analytics",
  "Account Firewall Access Rules",
  "Account Rulesets",
  "Account Settings",
  "Account WAF",
  "Address Maps",
  "API Gateway",
  "Billing",
  "Bot Management",
  "Cache Purge",
  "Cache Settings",
  "Cloudflare Images",
  "Cloudflare Pages",
  "Cloudflare Tunnel",
  "D1",
  "DDoS Protection",
  "DNS",
  "DNS Firewall",
  "Email Routing Rules",
  "Firewall Services",
  "Health Checks",
  "Hyperdrive",
  "Load Balancers",
  "Logs",
  "Magic Firewall",
  "Magic Transit",
  "Notifications",
  "Page Rules",
  "Queues",
  "SSL and Certificates",
  "Stream",
  "Turnstile",
  "Vectorize",
  "Workers AI",
  "Workers KV Storage",
  "Workers R2 Storage",
  "Workers Routes",
  "Workers Scripts",
  "Workers Tail",
  "Zero Trust",
  "Zone",
  "Zone Settings",
  "Zone WAF",
];

/** The roles' real labels (fact 2: the `label` filter takes `admin`, `admin_readonly`). */
const roleLabels: Record<string, string> = {
  Administrator: "admin",
  "Administrator Read Only": "admin_readonly",
  // fact 77: Cloudflare's own tests look the Super Administrator group up by `all_privileges`.
  "Super Administrator - All Privileges": "all_privileges",
  "Domain Administrator": "domain_admin",
  "Domain Administrator Read Only": "domain_admin_readonly",
};

const roleDescriptions: Record<string, string> = {
  Administrator: "Can access the full account, except for membership management and billing.",
  "Administrator Read Only": "Can access the full account in read-only mode.",
  "Super Administrator - All Privileges": "Can edit any Cloudflare setting, make purchases, update billing, and manage memberships.",
};

function label(name: string): string {
  return (
    roleLabels[name] ??
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
  );
}

function description(name: string): string {
  const access = / (Read|Write)$/.exec(name);
  if (access) return `Grants ${access[1] === "Read" ? "read" : "write"} access to ${name.slice(0, -access[0].length)}`;
  return roleDescriptions[name] ?? `Grants the ${name} role`;
}

const zoneScoped = (name: string) => /^(Domain |Zone|DNS|SSL|Page Rules|Cache|Load Balancers|Health Checks)/.test(name);

function permissionGroup(name: string): PermissionGroup {
  return {
    id: referenceIds[name] ?? stableId("permission_group", name),
    name,
    status: "V",
    meta: {
      description: description(name),
      editable: "false",
      label: label(name),
      scopes: zoneScoped(name) ? "com.cloudflare.api.account.zone" : "com.cloudflare.api.account",
    },
    created_on: "2020-07-06T12:19:13.099114Z",
    modified_on: "2020-10-13T11:18:00.208228Z",
  };
}

export const permissionGroups: PermissionGroup[] = [
  ...products.flatMap((p) => [`${p} Read`, `${p} Write`]),
  "Administrator",
  "Administrator Read Only",
  "Super Administrator - All Privileges",
  "Magic Network Monitoring",
  "SCIM Provisioning",
  "Trust and Safety",
  "Domain Administrator",
  "Domain Administrator Read Only",
].map(permissionGroup);

/**
 * fact 9: every account comes with predefined, non-editable resource groups named
 * `com.cloudflare.api.account.*`; this is the one covering the whole account.
 */
export function systemResourceGroup(accountId: string) {
  const key = `com.cloudflare.api.account.${accountId}`;
  return {
    id: stableId("system_resource_group", accountId),
    name: key,
    scope: { key, objects: [{ key: "*" }] },
    meta: { editable: "false" as const },
  };
}

const scopeCatalogue: [string, string, string][] = [
  // fact 48: the catalogue's ids include user-details.read and teams.read.
  ["user-details.read", "Read user details", "User"],
  ["teams.read", "Read Zero Trust", "Zero Trust"],
  ["account.read", "Read account settings", "Account"],
  ["account.write", "Edit account settings", "Account"],
  ["zone.read", "Read zones", "Zones"],
  ["zone.write", "Edit zones", "Zones"],
  ["zone.dns.read", "Read DNS records", "DNS"],
  ["zone.dns.write", "Edit DNS records", "DNS"],
  ["workers.scripts.read", "Read Workers scripts", "Workers"],
  ["workers.scripts.write", "Deploy Workers scripts", "Workers"],
  ["workers.kv.read", "Read Workers KV", "Workers"],
  ["workers.kv.write", "Edit Workers KV", "Workers"],
  ["r2.buckets.read", "Read R2 buckets", "Storage"],
  ["r2.buckets.write", "Edit R2 buckets", "Storage"],
  ["analytics.read", "Read analytics", "Analytics"],
  ["logs.read", "Read logs", "Analytics"],
  ["iam.user_groups.read", "Read user groups", "IAM"],
  ["iam.user_groups.write", "Edit user groups", "IAM"],
  ["user.read", "Read the user profile", "User"],
  ["user.email.read", "Read the user email address", "User"],
];

export const oauthScopes: OAuthScope[] = scopeCatalogue.map(([id, name, category]) => ({
  id,
  name,
  category,
  scopes: [`com.cloudflare.api.${id.replace(/\.(read|write)$/, "")}.${id.endsWith("write") ? "edit" : "read"}`],
}));

/** Protocol and identity scopes: accepted without a catalogue entry. */
export const identityScopes = ["openid", "offline_access", "offline", "profile", "email"];

const firstNames = [
  "Ada",
  "Alan",
  "Barbara",
  "Claude",
  "Donald",
  "Edsger",
  "Frances",
  "Grace",
  "Hedy",
  "Ivan",
  "John",
  "Katherine",
  "Leslie",
  "Margaret",
  "Niklaus",
  "Ole",
  "Radia",
  "Shafi",
  "Tim",
  "Whitfield",
];
const lastNames = ["Lovelace", "Turing", "Liskov", "Shannon", "Knuth", "Dijkstra", "Allen", "Hopper"];

/** 60 members: enough that a group holding all of them spans two pages at the largest page size. */
const namedMembers: SeededMember[] = Array.from({ length: 60 }, (_, i) => {
  const first = firstNames[i % firstNames.length];
  const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length];
  return member(`${first}.${last}${i >= 40 ? i : ""}@example.com`.toLowerCase(), first, last, i % 7 === 6 ? "pending" : "accepted");
});

/** Every seeded member already has a Cloudflare user. */
type SeededMember = AccountMember & { user: CloudflareUser };

function member(email: string, first: string, last: string, status: AccountMember["status"]): SeededMember {
  return { id: stableId("account_member", email), email, status, user: { id: stableId("user", email), email, first_name: first, last_name: last } };
}

/** fact 74: the account owner is listed as an ordinary accepted member; last, so the others keep their places. */
export const accountOwner = member("charles.babbage@example.com", "Charles", "Babbage", "accepted");

export const accountMembers: SeededMember[] = [...namedMembers, accountOwner];

/**
 * fact 59: who already has a Cloudflare user, and so may be added directly as accepted: every
 * seeded member, and two people who are not in the account.
 */
export const cloudflareUsers: CloudflareUser[] = [
  ...accountMembers.map((m) => m.user),
  ...["ken.thompson@example.com", "dennis.ritchie@example.com"].map((email) => {
    const [first, last] = email
      .split("@")[0]
      .split(".")
      .map((n) => n[0].toUpperCase() + n.slice(1));
    return { id: stableId("user", email), email, first_name: first, last_name: last };
  }),
];

/** A resource type's flags in a legacy role's `permissions` (fact 78: "edit/read flags"). */
export interface PermissionGrant {
  read: boolean;
  edit: boolean;
}

/** A legacy account role (`GET /accounts/{id}/roles`, deprecated but served, fact 78). */
export interface LegacyRole {
  id: string;
  name: string;
  description: string;
  permissions: Record<string, PermissionGrant>;
}

/** The keys of a role's `permissions`, as Cloudflare's SDK types them. */
const resourceTypes = ["analytics", "billing", "cache_purge", "dns", "dns_records", "lb", "logs", "organization", "ssl", "waf", "zones", "zone_settings"];
const everything = resourceTypes;
const allBut = (...left: string[]) => resourceTypes.filter((t) => !left.includes(t));

/** name, description, what it reads, what it edits. */
const roleCatalogue: [string, string, string[], string[]][] = [
  ["Super Administrator - All Privileges", roleDescriptions["Super Administrator - All Privileges"], everything, everything],
  ["Administrator", roleDescriptions.Administrator, allBut("billing"), allBut("billing", "organization")],
  ["Administrator Read Only", roleDescriptions["Administrator Read Only"], allBut("billing"), []],
  ["Analytics", "Can read Analytics.", ["analytics", "zones"], []],
  ["Billing", "Can edit the account's billing profile and subscriptions.", ["billing", "organization"], ["billing"]],
  ["Cache Purge", "Can purge the edge cache.", ["cache_purge", "zones"], ["cache_purge"]],
  ["DNS", "Can edit DNS records.", ["dns", "dns_records", "zones"], ["dns", "dns_records"]],
  ["Firewall", "Can edit WAF, IP Firewall, and Zone Lockdown settings.", ["waf", "zones"], ["waf"]],
  ["Load Balancer", "Can edit Load Balancers, Pools, Origins, and Health Checks.", ["lb", "zones"], ["lb"]],
  ["Log Share", "Can edit Log Share configuration.", ["logs", "zones"], ["logs"]],
  ["Log Share Reader", "Can read Enterprise Log Share.", ["logs", "zones"], []],
  [
    "SSL/TLS, Caching, Performance, Page Rules, and Customization",
    "Can edit most Cloudflare settings except for DNS and Firewall.",
    ["cache_purge", "ssl", "zone_settings", "zones"],
    ["cache_purge", "ssl", "zone_settings"],
  ],
];

/** fact 70: the id Cloudflare gives "Administrator Read Only" (TF#2619); the others are derived from names. */
const roleIds: Record<string, string> = { "Administrator Read Only": "f2b20eaa1a5d4af42b53ac16238c99c7" };

export const legacyRoles: LegacyRole[] = roleCatalogue.map(([name, text, reads, edits]) => ({
  id: roleIds[name] ?? stableId("role", name),
  name,
  description: text,
  permissions: Object.fromEntries(resourceTypes.map((t) => [t, { read: reads.includes(t), edit: edits.includes(t) }])),
}));

export const roleNamed = (name: string) => legacyRoles.find((r) => r.name === name)!;
const permissionGroupNamed = (name: string) => permissionGroups.find((pg) => pg.name === name)!;

/**
 * What a member was given directly, as the dashboard last set it: roles or policies (fact 64:
 * a PUT replaces the one it sends). The API mirrors each into the other (fact 62).
 */
export type MemberAccess = { roles: string[] } | { policies: PolicyRecord[] };

/** When the seeded grants were made. */
export const SEEDED_ON = "2024-03-01T09:00:00Z";
const seededPolicy = (email: string, permissionGroup: string, resource: PolicyRecord["resource_groups"][number]): PolicyRecord => ({
  id: stableId("member_policy", `${email}:${permissionGroup}`),
  access: "allow",
  permission_groups: [permissionGroupNamed(permissionGroup).id],
  resource_groups: [resource],
  created_on: SEEDED_ON,
  modified_on: SEEDED_ON,
});

/**
 * Direct grants: the owner holds Super Administrator (fact 74); one member holds Administrator
 * by role; two hold a policy of their own, one on the whole account and one on a zone written
 * inline (fact 24). No test picks these members out by position (only groups of every member
 * hold them), so what tests grant through groups stays what it was; every other member holds
 * nothing directly.
 */
export function seededMemberAccess(accountId: string): Record<string, MemberAccess> {
  const [admin, billing, dns] = namedMembers.slice(56, 59);
  const zone = { scope: { key: `com.cloudflare.api.account.${accountId}`, objects: [{ key: "com.cloudflare.api.account.zone.7c5dae5552338874e5053f2534d2767a" }] } };
  return {
    [accountOwner.id]: { roles: [roleNamed("Super Administrator - All Privileges").id] },
    [admin.id]: { roles: [roleNamed("Administrator").id] },
    [billing.id]: { policies: [seededPolicy(billing.email, "Billing Read", systemResourceGroup(accountId).id)] },
    [dns.id]: { policies: [seededPolicy(dns.email, "DNS Write", zone)] },
  };
}

export const DEFAULT_ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";
export const DEFAULT_TOKEN = "local-emulator-token";
