/**
 * The account as it will be after a `pulumi preview --json` is applied: the live account, with
 * each step played on it. `pulumi preview --json` leaves unchanged resources out, so the live
 * account supplies them. An id still unknown at preview (a group created in the same change) is
 * linked to the step that creates it through the property's dependencies.
 *
 * It fails closed: whatever it cannot play exactly (an unknown it cannot link, another account,
 * a type it does not know, someone else's dynamic provider) becomes a risk naming the resource
 * and the reason, and where it can, it plays the widest reading (the whole account, an unknown
 * permission counted as administrator-class), so the review never shows less than `up` could grant.
 */
import { z } from "zod";
import type { AccountSnapshot, SnapshotMember, SnapshotPolicy } from "../account/snapshot";
import { containsUnknown, UNKNOWN, unknownPaths } from "../provider/framework/unknown";
import { KINDS, type KindType, MODULE, type ProviderKind } from "../provider/resources/kinds";
import { canonicalScopes } from "../provider/resources/oauth-client/schema";
import type { OutsideRemoval, Risk } from "./compare";
import { UNKNOWN_PERMISSION } from "./risk";
import { join, name, quoted, type Text, text } from "./text";

const state = z.object({
  urn: z.string(),
  id: z.string().optional(),
  type: z.string(),
  inputs: z.record(z.unknown()).default({}),
  outputs: z.record(z.unknown()).optional(),
  propertyDependencies: z.record(z.array(z.string())).default({}),
  /** The resource option: its delete leaves the object in the account. */
  retainOnDelete: z.boolean().optional(),
});
type State = z.infer<typeof state>;

export const previewSchema = z.object({
  config: z.record(z.unknown()).optional(),
  steps: z.array(z.object({ op: z.string(), urn: z.string(), oldState: state.optional(), newState: state.optional() })).default([]),
});
export type Preview = z.infer<typeof previewSchema>;

/** This package's resource types (provider/resources/kinds.ts). */
type Kind = KindType;

const OUR_TYPE = `pulumi-nodejs:dynamic/${MODULE}:`;
const DYNAMIC_TYPE = /^pulumi-nodejs:dynamic[/:]/;
const PACKAGE = "pulumi-cloudflare-iam";
const CLOUDFLARE_MEMBER = "cloudflare:index/accountMember:AccountMember";
/** @pulumi/cloudflare types that grant access outside user groups: tokens, members, groups, roles. */
const CLOUDFLARE_ACCESS = /^cloudflare:index\/\w*(token|member|usergroup|resourcegroup|role)\w*:/i;
/** Types whose steps run commands of their own during `up`. */
const RUNS_COMMANDS = /^command:/;

const NO_CHANGE_OPS = new Set(["same", "read", "refresh", "discard"]);
const CREATES = new Set(["create", "create-replacement", "replace"]);
const DELETES = new Set(["delete", "delete-replaced", "replace"]);
const KNOWN_OPS = new Set([...NO_CHANGE_OPS, ...CREATES, ...DELETES, "update"]);

/** What a step's resource is to the review. */
type Resource =
  | { as: "ours"; kind: Kind }
  | { as: "disguised"; kind?: Kind }
  | { as: "foreign-dynamic" }
  | { as: "cloudflare-member" }
  | { as: "not-reviewed"; why: string }
  | { as: "elsewhere" };

/** Any provider kind's name, as a whole word (so `userGroup` is never read in `userGroupMembers`). */
const PROVIDER_KIND_NAMES = new RegExp(`\\b(${Object.keys(KINDS).join("|")})\\b`, "g");

/** What a kind's inputs, and only its, hold. */
const SHAPES: Record<Kind, (has: (key: string) => boolean) => boolean> = {
  UserGroupMembers: (has) => has("userGroupId") && has("memberIds"),
  UserGroupMember: (has) => has("userGroupId") && has("memberId"),
  UserGroup: (has) => has("policies") && !has("userGroupId") && !has("email"),
  ResourceGroup: (has) => has("scope"),
  SSOConnector: (has) => has("emailDomain"),
  OAuthClient: (has) => has("clientName"),
  AccountMember: (has) => has("email") && !has("userGroupId"),
};

/** The kind a serialized `__provider` loads from this package, when it names exactly one. */
function kindInProvider(source: string): Kind | undefined {
  const named = new Set([...source.matchAll(PROVIDER_KIND_NAMES)].map((m) => m[1] as ProviderKind));
  return named.size === 1 ? KINDS[[...named][0]] : undefined;
}

/** The kind a resource's inputs have the shape of, when exactly one fits. */
function kindByShape(inputs: Record<string, unknown>): Kind | undefined {
  const has = (key: string) => key in inputs;
  const fits = (Object.keys(SHAPES) as Kind[]).filter((kind) => SHAPES[kind](has));
  return fits.length === 1 ? fits[0] : undefined;
}

function classify(s: State): Resource {
  if (s.type.startsWith(OUR_TYPE)) {
    const kind = s.type.slice(OUR_TYPE.length);
    if ((Object.values(KINDS) as string[]).includes(kind)) return { as: "ours", kind: kind as Kind };
  }
  if (DYNAMIC_TYPE.test(s.type)) {
    const provider = typeof s.inputs.__provider === "string" ? s.inputs.__provider : "";
    if (!provider.includes(PACKAGE)) return { as: "foreign-dynamic" };
    return { as: "disguised", kind: kindInProvider(provider) ?? kindByShape(s.inputs) };
  }
  if (s.type === CLOUDFLARE_MEMBER) return { as: "cloudflare-member" };
  if (CLOUDFLARE_ACCESS.test(s.type)) return { as: "not-reviewed", why: "grants access outside user groups" };
  if (RUNS_COMMANDS.test(s.type)) return { as: "not-reviewed", why: "runs commands of its own during up, which may call the Cloudflare API" };
  return { as: "elsewhere" };
}

const resourceName = (urn: string) => urn.split("::").pop() ?? urn;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v !== UNKNOWN) : []);
const isUnknown = (value: unknown) => value === UNKNOWN;
/** Property paths, which the program names: shown as names. */
const paths = (list: string[]): Text =>
  join(
    list.map((p) => [name(p)]),
    ", ",
  );
const systemGroupOf = (account: AccountSnapshot) => account.resourceGroups.find((g) => g.system)?.id;

export interface Planned {
  after: AccountSnapshot;
  outside: OutsideRemoval[];
  notes: Text[];
  /** What could not be played exactly, each naming the resource and the reason. */
  risks: Risk[];
}

/** Whether any step changes anything: without one, no access changes. */
export const changesAnything = (preview: Preview) =>
  preview.steps.some((step) => !NO_CHANGE_OPS.has(step.op) && [step.newState, step.oldState].some((s) => s && classify(s).as !== "elsewhere"));

/** The account a preview is for: the stack's own setting, else the first one its resources name. */
export function previewAccountId(preview: Preview): string | undefined {
  const configured = preview.config?.["cloudflare-iam:accountId"];
  if (typeof configured === "string" && configured !== "[secret]") return configured;
  for (const step of preview.steps) {
    const s = step.newState ?? step.oldState;
    const id = s?.inputs.accountId;
    if (s && ["ours", "disguised"].includes(classify(s).as) && typeof id === "string" && !isUnknown(id)) return id;
  }
  return undefined;
}

interface PolicyInput {
  access?: unknown;
  permissionGroups?: unknown;
  resourceGroups?: unknown;
  scopes?: unknown;
}

export function applyPreview(before: AccountSnapshot, preview: Preview): Planned {
  const after: AccountSnapshot = structuredClone(before);
  const notes: Text[] = [];
  const risks: Risk[] = [];
  const outside: OutsideRemoval[] = [];
  const accountWide = { key: `com.cloudflare.api.account.${before.accountId}`, objects: [{ key: "*" }] };
  // The objects created in this change, by URN: their ids are unknown until `up`.
  const created = new Map<string, { kind: Kind; id: string }>();
  /** fact 56: addresses compare without case. */
  const memberWithEmail = (email: unknown) => (typeof email === "string" && !isUnknown(email) ? after.members.find((m) => m.email === email.toLowerCase()) : undefined);

  const label = (s: State, kind?: string): Text => [name(`${kind ?? s.type} ${resourceName(s.urn)}`)];
  const risk = (kind: Risk["kind"], s: State, why: Text, as?: string) => risks.push({ kind, message: text`${label(s, as)}: ${why}` });
  const unresolved = (s: State, kind: Kind, why: Text) => risk("unresolved", s, why, kind);

  const kindOf = (s: State | undefined): Kind | undefined => {
    const resource = s && classify(s);
    return resource && (resource.as === "ours" || resource.as === "disguised") ? resource.kind : undefined;
  };

  const changing = new Set(preview.steps.filter((step) => !NO_CHANGE_OPS.has(step.op)).map((step) => step.urn));
  for (const step of preview.steps) {
    const kind = kindOf(step.newState);
    if (kind && CREATES.has(step.op)) created.set(step.urn, { kind, id: createdId(kind, step.urn, step.newState!.inputs) });
  }

  /** What a create's id will be: the one it adopts, else a placeholder the review names. */
  function createdId(kind: Kind, urn: string, inputs: Record<string, unknown>): string {
    const adoptId = inputs.adoptId;
    if (typeof adoptId === "string" && !isUnknown(adoptId)) return adoptId;
    // fact 69: with adoptExisting, an address that has a membership keeps that membership's id.
    const existing = kind === "AccountMember" && inputs.adoptExisting === true ? memberWithEmail(inputs.email) : undefined;
    return existing?.id ?? `(new ${kind} ${resourceName(urn)})`;
  }

  /**
   * The ids a property holds or will hold. `exact` when it is known, or unknown but depends only
   * on one object of the right kind that this change creates.
   */
  function idsOf(value: unknown, s: State, property: string, kind: Kind, unknowns = 1): { ids: string[]; exact: boolean } {
    if (!isUnknown(value)) return { ids: typeof value === "string" ? [value] : [], exact: typeof value === "string" };
    const deps = s.propertyDependencies[property] ?? [];
    const ids = deps.flatMap((urn) => (created.get(urn)?.kind === kind ? [created.get(urn)!.id] : []));
    // Only an object this change creates or updates can hold a value unknown at preview.
    const others = deps.filter((urn) => changing.has(urn) && created.get(urn)?.kind !== kind);
    return { ids, exact: ids.length === unknowns && others.length === 0 };
  }

  /**
   * The member ids a list holds or will hold: each id unknown at preview is an account member this
   * change invites, when the list depends on exactly as many invites as it has unknowns, and on nothing else that changes.
   */
  function memberIdsOf(value: unknown, s: State, property: string): { ids: string[]; exact: boolean } {
    if (!Array.isArray(value)) return { ids: [], exact: value === undefined };
    const unknowns = value.filter(isUnknown).length;
    const known = strings(value);
    if (unknowns === 0) return { ids: known, exact: true };
    const invited = idsOf(UNKNOWN, s, property, "AccountMember", unknowns);
    return invited.exact ? { ids: [...known, ...invited.ids], exact: true } : { ids: known, exact: false };
  }

  const group = (id: string) => after.userGroups.find((g) => g.id === id);

  function policies(s: State, kind: Kind): SnapshotPolicy[] {
    const raw = s.inputs.policies;
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) {
      unresolved(s, kind, ["its policies are unknown until apply: reviewed as granting a permission unknown until apply on the whole account"]);
      return [{ access: "allow", permissionGroups: [UNKNOWN_PERMISSION], resourceGroups: [], scopes: [accountWide] }];
    }
    const newGroups = idsOf(UNKNOWN, s, "policies", "ResourceGroup");
    return raw.map((item, index): SnapshotPolicy => {
      if (!item || typeof item !== "object") {
        unresolved(s, kind, [`policy ${index + 1} is unknown until apply: reviewed as granting a permission unknown until apply on the whole account`]);
        return { access: "allow", permissionGroups: [UNKNOWN_PERMISSION], resourceGroups: [], scopes: [accountWide] };
      }
      const p = item as PolicyInput;
      if (isUnknown(p.access)) unresolved(s, kind, [`policy ${index + 1}: whether it allows or denies is unknown until apply: reviewed as allow`]);
      const permissionGroups = Array.isArray(p.permissionGroups) ? p.permissionGroups : [UNKNOWN];
      if (permissionGroups.some(isUnknown)) {
        unresolved(s, kind, [`policy ${index + 1}: a permission group is unknown until apply: reviewed as an administrator-class one`]);
      }
      const resourceGroups = Array.isArray(p.resourceGroups) ? p.resourceGroups : p.resourceGroups === undefined ? [] : [UNKNOWN];
      let wide = false;
      const ids = resourceGroups.flatMap((r) => {
        if (!isUnknown(r)) return typeof r === "string" ? [r] : [];
        if (newGroups.exact) return newGroups.ids;
        wide = true;
        return [];
      });
      if (wide) unresolved(s, kind, [`policy ${index + 1}: a resource group is unknown until apply and not one this change creates: reviewed as the whole account`]);
      if (resourceGroups.filter(isUnknown).length > 0 && !newGroups.exact && newGroups.ids.length > 1) {
        notes.push(text`${label(s, kind)}: several policies name resource groups created in this change`);
      }
      const scopes = scopeInputs(p.scopes, s, kind, index);
      return {
        access: p.access === "deny" ? "deny" : "allow",
        permissionGroups: permissionGroups.map((id) => (typeof id === "string" && !isUnknown(id) ? id : UNKNOWN_PERMISSION)),
        resourceGroups: [...new Set(ids)],
        scopes: [...scopes, ...(wide ? [accountWide] : [])],
      };
    });
  }

  function scopeInputs(raw: unknown, s: State, kind: Kind, index: number): SnapshotPolicy["scopes"] {
    if (raw === undefined) return [];
    if (!Array.isArray(raw) || containsUnknown(raw)) {
      unresolved(s, kind, [`policy ${index + 1}: a scope is unknown until apply: reviewed as the whole account`]);
      return [accountWide];
    }
    return raw.map((scope: { key?: string; objects?: { key: string }[] }) => ({ key: scope.key ?? accountWide.key, objects: scope.objects ?? [] }));
  }

  /** A group's members, or the group itself, that a step names: unresolved ones become risks. */
  function targetGroup(s: State, kind: Kind): AccountSnapshot["userGroups"][number] | undefined {
    const members = join(
      [...strings(s.inputs.memberIds), ...strings([s.inputs.memberId])].map((id) => [name(memberName(id))]),
      ", ",
    );
    const { ids, exact } = idsOf(s.inputs.userGroupId, s, "userGroupId", "UserGroup");
    if (!exact) {
      unresolved(s, kind, text`the group is unknown until apply: this change may add ${members.length ? members : ["its members"]} to any group`);
      return undefined;
    }
    const target = group(ids[0]);
    if (!target)
      unresolved(
        s,
        kind,
        text`the user group ${name(ids[0])} is not in the reviewed account or the change: this change may add ${members.length ? members : ["its members"]} to it`,
      );
    return target;
  }

  const memberName = (id: string) => after.members.find((m) => m.id === id)?.email || id;

  /** How a create or update of each kind plays on the account: `s` is the planned state, `old` the state before an update. */
  const puts: Record<Kind, (step: { kind: Kind; s: State; id: string; old?: State; inputs: Record<string, unknown> }) => void> = {
    ResourceGroup: ({ kind, s, id, inputs }) => {
      const scope = inputs.scope as { key?: unknown; objects?: { key?: unknown }[] } | undefined;
      const exact = scope && typeof scope === "object" && !containsUnknown(scope) && Array.isArray(scope.objects);
      if (!exact) unresolved(s, kind, ["its scope is unknown until apply: reviewed as the whole account"]);
      const objects = exact ? scope.objects!.map((o) => String(o.key)) : ["*"];
      const key = exact && typeof scope.key === "string" ? scope.key : accountWide.key;
      after.resourceGroups = [...after.resourceGroups.filter((g) => g.id !== id), { id, name: String(inputs.name), scope: { key, objects }, system: false }];
    },
    UserGroup: ({ kind, s, id, inputs }) => {
      const existing = group(id);
      const updated = { id, name: String(inputs.name), policies: policies(s, kind), memberIds: existing?.memberIds ?? [], scimManaged: existing?.scimManaged ?? false };
      after.userGroups = [...after.userGroups.filter((g) => g.id !== id), updated];
    },
    UserGroupMembers: ({ kind, s, old, inputs }) => {
      const target = targetGroup(s, kind);
      const members = memberIdsOf(inputs.memberIds, s, "memberIds");
      if (!members.exact) unresolved(s, kind, ["its members are unknown until apply: anyone in the account may be added"]);
      if (!target) return;
      // The list replaces the group's members: whoever is there but neither planned nor put there by this program goes too.
      const planned = members.ids;
      const ours = new Set([...planned, ...strings(old?.outputs?.memberIds)]);
      outside.push({ groupId: target.id, memberIds: target.memberIds.filter((m) => !ours.has(m)) });
      target.memberIds = planned;
    },
    UserGroupMember: ({ kind, s, inputs }) => {
      const target = targetGroup(s, kind);
      const { ids, exact } = idsOf(inputs.memberId, s, "memberId", "AccountMember");
      if (!exact) unresolved(s, kind, ["the member is unknown until apply: anyone in the account may be added"]);
      const member = ids[0];
      if (target && member !== undefined && !target.memberIds.includes(member)) target.memberIds = [...target.memberIds, member];
    },
    SSOConnector: ({ kind, s, id, inputs }) => {
      const unknown = unknownPaths(inputs).map((path) => path.join("."));
      if (unknown.length) unresolved(s, kind, text`unknown until apply: ${paths(unknown)}`);
      const existing = after.ssoConnectors.find((c) => c.id === id);
      const connector = {
        useFedrampLanguage: false,
        verificationCode: "",
        verificationStatus: "",
        ...existing,
        id,
        emailDomain: String(inputs.emailDomain),
        enabled: inputs.enabled !== false,
      };
      after.ssoConnectors = [...after.ssoConnectors.filter((c) => c.id !== id), connector];
    },
    OAuthClient: ({ kind, s, id, inputs }) => {
      const unknown = unknownPaths(inputs).map((path) => path.join("."));
      if (unknown.length) unresolved(s, kind, text`unknown until apply: ${paths(unknown)}; reviewed as public`);
      const args = { ...inputs, scopes: canonicalScopes(strings(inputs.scopes)), visibility: unknown.length ? "public" : inputs.visibility };
      after.oauthClients = [...after.oauthClients.filter((c) => c.id !== id), { id, args }];
    },
    AccountMember: ({ kind, s, id, inputs }) => {
      if (isUnknown(inputs.email)) unresolved(s, kind, ["its email is unknown until apply: reviewed as a new member"]);
      // With neither roles nor policies, the member's direct grants are left as they are.
      const kept = after.members.find((m) => m.id === id) ?? memberWithEmail(inputs.email);
      if (inputs.roles === undefined && inputs.policies === undefined) return putMember(s, id, inputs.email, { roles: kept?.roles ?? [], policies: kept?.policies ?? [] });
      // fact 63: one dimension at a time; fact 62: each counted once, whatever the API mirrors.
      const roles = inputs.roles === undefined ? [] : roleIds(s, kind, inputs.roles);
      putMember(s, id, inputs.email, { roles, policies: inputs.roles === undefined ? policies(s, kind) : [] });
    },
  };

  /** Legacy roles by id or by name (as AccountMember takes them); one unknown is read as the widest role. */
  function roleIds(s: State, kind: Kind, raw: unknown): string[] {
    const items = Array.isArray(raw) ? raw : [UNKNOWN];
    return items.map((role) => {
      const found = typeof role === "string" && !isUnknown(role) ? after.roles.find((r) => r.id === role || r.name === role) : undefined;
      if (found) return found.id;
      unresolved(s, kind, ["a role is unknown until apply, or not one of the account's: reviewed as administrator-class on the whole account"]);
      return UNKNOWN_PERMISSION;
    });
  }

  /** How a delete of each kind plays on the account. */
  const removes: Record<Kind, (id: string) => void> = {
    ResourceGroup: (id) => (after.resourceGroups = after.resourceGroups.filter((g) => g.id !== id)),
    UserGroup: (id) => (after.userGroups = after.userGroups.filter((g) => g.id !== id)),
    UserGroupMembers: (id) => {
      // Deleting the member list empties the group (fact 36).
      const target = group(id);
      if (target) target.memberIds = [];
    },
    UserGroupMember: (id) => {
      const [groupId, memberId] = id.split("/");
      const target = group(groupId);
      if (target) target.memberIds = target.memberIds.filter((m) => m !== memberId);
    },
    SSOConnector: (id) => (after.ssoConnectors = after.ssoConnectors.filter((c) => c.id !== id)),
    OAuthClient: (id) => (after.oauthClients = after.oauthClients.filter((c) => c.id !== id)),
    AccountMember: (id) => removeMember(after.members.find((m) => m.id === id)),
  };

  function put(kind: Kind, s: State, id: string, old?: State): void {
    const inputs = s.inputs;
    if (isUnknown(inputs.adoptId)) unresolved(s, kind, ["the object it adopts is unknown until apply: it may take over and change any existing one"]);
    puts[kind]({ kind, s, id, old, inputs });
  }

  function remove(kind: Kind, s: State): void {
    removes[kind](s.id ?? "");
  }

  /** A member's address as the API keeps it (fact 56: without case), or a name for one unknown at preview. */
  const addressOf = (s: State, email: unknown) => (typeof email === "string" && !isUnknown(email) ? email.toLowerCase() : `(member ${resourceName(s.urn)})`);

  /**
   * A member, as this package's AccountMember or @pulumi/cloudflare's sets it: found by id, else
   * by address (fact 56), else invited (fact 57: pending), holding exactly the grants given.
   */
  function putMember(s: State, id: string, email: unknown, grants: Pick<SnapshotMember, "roles" | "policies">): void {
    const address = addressOf(s, email);
    const existing = after.members.find((m) => m.id === id) ?? memberWithEmail(address);
    const member: SnapshotMember = existing ?? { id, email: address, status: "pending", roles: [], policies: [] };
    if (!existing) after.members.push(member);
    member.roles = grants.roles;
    member.policies = grants.policies;
  }

  /** A member leaves the account, and with it every group (fact 66). */
  function removeMember(member: SnapshotMember | undefined): void {
    if (!member) return;
    after.members = after.members.filter((m) => m !== member);
    for (const g of after.userGroups) g.memberIds = g.memberIds.filter((m) => m !== member.id);
  }

  /** @pulumi/cloudflare's AccountMember: the member's own roles and policies (facts 52, 64). */
  function putCloudflareMember(s: State): void {
    const inputs = s.inputs;
    const unknown = unknownPaths({ email: inputs.email, roles: inputs.roles, policies: inputs.policies }).map((path) => path.join("."));
    if (unknown.length) risk("unresolved", s, text`unknown until apply: ${paths(unknown)}; reviewed as administrator-class on the whole account`);
    const email = addressOf(s, inputs.email);
    const policiesIn = Array.isArray(inputs.policies) ? (inputs.policies as { access?: unknown; permissionGroups?: unknown; resourceGroups?: unknown }[]) : [];
    const idList = (list: unknown) => (Array.isArray(list) ? list.map((x: { id?: unknown }) => (typeof x?.id === "string" && !isUnknown(x.id) ? x.id : UNKNOWN)) : [UNKNOWN]);
    const systemGroup = systemGroupOf(after);
    const granted: SnapshotPolicy[] = policiesIn.map((p) => {
      const resourceGroups = idList(p.resourceGroups);
      const wide = resourceGroups.some(isUnknown);
      return {
        access: p.access === "deny" ? "deny" : "allow",
        permissionGroups: idList(p.permissionGroups).map((id) => (isUnknown(id) ? UNKNOWN_PERMISSION : id)),
        resourceGroups: resourceGroups.filter((id) => !isUnknown(id)),
        scopes: wide ? [accountWide] : [],
      };
    });
    if (unknown.length)
      granted.push({ access: "allow", permissionGroups: [UNKNOWN_PERMISSION], resourceGroups: systemGroup ? [systemGroup] : [], scopes: systemGroup ? [] : [accountWide] });
    // fact 63: with both, the API prefers policies; fact 64: a PUT replaces the dimension it sends.
    putMember(s, `(invited ${email})`, email, { roles: policiesIn.length ? [] : strings(inputs.roles), policies: granted });
  }

  function removeCloudflareMember(s: State): void {
    const email = String(s.outputs?.email ?? s.inputs.email ?? "").toLowerCase();
    removeMember(after.members.find((m) => m.id === s.id || (email && m.email === email)));
  }

  for (const step of preview.steps) {
    if (NO_CHANGE_OPS.has(step.op)) continue;
    const s = step.newState ?? step.oldState;
    if (!s) continue;
    const resource = classify(s);
    if (resource.as === "elsewhere") continue;
    if (!KNOWN_OPS.has(step.op)) {
      risk("unresolved", s, text`its step ${quoted(step.op)} is one the review does not know how to play`, resource.as === "ours" ? resource.kind : undefined);
      continue;
    }
    if (resource.as === "foreign-dynamic") {
      risk("not-reviewed", s, ["a dynamic resource whose provider is not this package's: its code runs with the stack's token and may change any access; not reviewed"]);
      continue;
    }
    if (resource.as === "not-reviewed") {
      risk("not-reviewed", s, [`not reviewed: ${resource.why}`]);
      continue;
    }
    if (resource.as === "cloudflare-member") {
      if (!accountIsReviewed(s, "AccountMember")) continue;
      if (DELETES.has(step.op) && step.oldState && !step.oldState.retainOnDelete) removeCloudflareMember(step.oldState);
      if ((CREATES.has(step.op) || step.op === "update") && step.newState) putCloudflareMember(step.newState);
      continue;
    }
    const kind = resource.kind;
    if (resource.as === "disguised") {
      risk(
        "not-reviewed",
        s,
        kind
          ? [`carries this package's provider under a type the review does not know: reviewed as a ${kind}`]
          : ["carries this package's provider under a type the review does not know, and what it manages cannot be told: not reviewed"],
      );
    }
    if (!kind || !accountIsReviewed(s, kind)) continue;
    // retainOnDelete: the engine forgets the object and leaves it in the account.
    if (DELETES.has(step.op) && step.oldState && !step.oldState.retainOnDelete) remove(kind, step.oldState);
    if (CREATES.has(step.op) && step.newState) put(kind, step.newState, created.get(step.urn)!.id);
    if (step.op === "update" && step.newState) put(kind, step.newState, step.oldState?.id ?? step.newState.id ?? "", step.oldState);
  }

  /** Only the account that was read can be played on; a step for another is named, never dropped. */
  function accountIsReviewed(s: State, kind: string): boolean {
    const accountId = s.inputs.accountId;
    if (isUnknown(accountId)) {
      risk("unresolved", s, ["the account it changes is unknown until apply: not reviewed"], kind);
      return false;
    }
    if (typeof accountId === "string" && accountId !== before.accountId) {
      risk("unresolved", s, text`changes account ${name(accountId)}, which this review did not read: not reviewed`, kind);
      return false;
    }
    return true;
  }

  return { after, outside, notes, risks };
}
