/**
 * The emulated account's mutable state, in API shape, persisted to an optional JSON file
 * after every write so that separate `pulumi` runs (and a restarted emulator) see one account.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type AccountMember, type CloudflareUser, type MemberAccess, seededMemberAccess, systemResourceGroup } from "./seed";

export interface Scope {
  key: string;
  objects: { key: string }[];
}

export interface ResourceGroupRecord {
  id: string;
  name: string;
  scope: Scope;
  /** fact 9: `"false"` for Cloudflare's predefined groups. */
  meta: { editable: "true" | "false" };
}

/** A policy's resource: a resource group's id, or (fact 24) a scope written inline. */
export type PolicyResource = string | { scope: Scope };

export interface PolicyRecord {
  id: string;
  access: "allow" | "deny";
  permission_groups: string[];
  resource_groups: PolicyResource[];
  created_on: string;
  modified_on: string;
}

export interface UserGroupRecord {
  id: string;
  name: string;
  created_on: string;
  modified_on: string;
  policies: PolicyRecord[];
  /** member id -> when it joined */
  members: Record<string, string>;
  /** fact 37: until this time the group's /members answers 404. */
  members_visible_at?: string;
  /** fact 39: set when an identity provider manages the group through SCIM. */
  scim_external_id?: string;
}

export interface SSOConnectorRecord {
  id: string;
  email_domain: string;
  enabled: boolean;
  use_fedramp_language: boolean;
  created_on: string;
  updated_on: string;
  verification: { code: string; status: "awaiting" | "pending" | "failed" | "verified" };
}

export interface OAuthClientRecord {
  client_id: string;
  client_name: string;
  visibility: "public" | "private";
  grant_types: string[];
  redirect_uris: string[];
  response_types: string[];
  scopes: string[];
  optional_scopes: string[];
  token_endpoint_auth_method: string;
  allowed_cors_origins: string[];
  post_logout_redirect_uris: string[];
  client_uri?: string;
  logo_uri?: string;
  policy_uri?: string;
  tos_uri?: string;
  client_uri_verification?: { status: "pending" | "in_progress" | "verified" | "failed"; text: string };
  created_at: string;
  updated_at: string;
  promoted_at?: string;
  secret: string;
  rotated_secret?: string;
}

export interface AccountState {
  resourceGroups: Record<string, ResourceGroupRecord>;
  userGroups: Record<string, UserGroupRecord>;
  ssoConnectors: Record<string, SSOConnectorRecord>;
  oauthClients: Record<string, OAuthClientRecord>;
  /** Seeded account members who have since left the account (removed, or their invite expired). */
  departedMembers: string[];
  /**
   * Members the API invited, and seeded members whose record changed since (an invite accepted),
   * by membership id: each takes the place of the seeded record of that id.
   */
  members: Record<string, AccountMember>;
  /** Cloudflare users beyond the seeded ones (fact 59), by lower-case email: added by a test, or made by accepting an invite. */
  users: Record<string, CloudflareUser>;
  /** Member id -> the roles or policies it holds directly; a member not here holds nothing. */
  memberAccess: Record<string, MemberAccess>;
}

/** A new account: Cloudflare's predefined system resource group (fact 9) and its members' direct grants. */
export function newAccount(accountId: string): AccountState {
  const system = systemResourceGroup(accountId);
  return {
    resourceGroups: { [system.id]: system },
    userGroups: {},
    ssoConnectors: {},
    oauthClients: {},
    departedMembers: [],
    members: {},
    users: {},
    memberAccess: seededMemberAccess(accountId),
  };
}

export class Store {
  readonly account: AccountState;

  constructor(
    private readonly accountId: string,
    private readonly file?: string,
  ) {
    const saved = file && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<AccountState>) : undefined;
    this.account = saved ? { ...newAccount(accountId), ...saved } : newAccount(accountId);
  }

  /** Writes atomically, so a process killed mid-write leaves the previous state whole. */
  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.account, null, 1));
    renameSync(temp, this.file);
  }

  reset(): void {
    Object.assign(this.account, newAccount(this.accountId));
    this.save();
  }
}
