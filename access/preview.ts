/**
 * The account as it will be after a `pulumi preview --json` is applied: the live account, with
 * each step of this package's resources played on it. `pulumi preview --json` leaves unchanged
 * resources out, so the live account supplies them. An id still unknown at preview (a group
 * created in the same change) is linked to the step that creates it through the property's
 * dependencies, so a new group with its members and policies is reviewed like any other.
 */
import { z } from "zod";
import type { AccountSnapshot } from "../account/snapshot";
import { UNKNOWN } from "../provider/framework/unknown";
import { canonicalScopes } from "../provider/resources/oauth-client/schema";
import type { OutsideRemoval } from "./compare";

const state = z.object({
  urn: z.string(),
  id: z.string().optional(),
  type: z.string(),
  inputs: z.record(z.unknown()).default({}),
  outputs: z.record(z.unknown()).optional(),
  propertyDependencies: z.record(z.array(z.string())).default({}),
});
type State = z.infer<typeof state>;

export const previewSchema = z.object({
  steps: z.array(z.object({ op: z.string(), urn: z.string(), oldState: state.optional(), newState: state.optional() })).default([]),
});
export type Preview = z.infer<typeof previewSchema>;

const TYPE_PREFIX = "pulumi-nodejs:dynamic/cloudflare-iam:";
const kindOf = (s: State | undefined) => (s?.type.startsWith(TYPE_PREFIX) ? s.type.slice(TYPE_PREFIX.length) : undefined);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const isUnknown = (value: unknown) => value === UNKNOWN;

interface PolicyInput {
  access?: string;
  permissionGroups?: unknown;
  resourceGroups?: unknown;
  scopes?: { key?: string; objects?: { key: string }[] }[];
}

export interface Planned {
  after: AccountSnapshot;
  outside: OutsideRemoval[];
  notes: string[];
}

/** Whether any step changes one of this package's resources: without one, no access changes. */
export const changesAnything = (preview: Preview) =>
  preview.steps.some((step) => !["same", "read", "refresh"].includes(step.op) && (kindOf(step.newState) ?? kindOf(step.oldState)));

/** The account id a preview's resources name, when they name one. */
export function previewAccountId(preview: Preview): string | undefined {
  for (const step of preview.steps) {
    const id = (step.newState ?? step.oldState)?.inputs.accountId;
    if (kindOf(step.newState ?? step.oldState) && typeof id === "string" && !isUnknown(id)) return id;
  }
  return undefined;
}

export function applyPreview(before: AccountSnapshot, preview: Preview): Planned {
  const after: AccountSnapshot = structuredClone(before);
  const notes: string[] = [];
  const outside: OutsideRemoval[] = [];
  // The objects created in this change, by URN: their ids are unknown until `up`.
  const created = new Map<string, { kind: string; id: string }>();
  const name = (urn: string) => urn.split("::").pop() ?? urn;

  for (const step of preview.steps) {
    const kind = kindOf(step.newState);
    if (kind && ["create", "create-replacement", "replace"].includes(step.op)) {
      const adoptId = step.newState!.inputs.adoptId;
      created.set(step.urn, { kind, id: typeof adoptId === "string" ? adoptId : `(new ${kind} ${name(step.urn)})` });
    }
  }

  /** The id a property holds, or the one it will hold: the object this change creates for it. */
  function resolve(value: unknown, s: State, property: string, kind: string): string[] {
    if (!isUnknown(value)) return typeof value === "string" ? [value] : [];
    return (s.propertyDependencies[property] ?? []).flatMap((urn) => (created.get(urn)?.kind === kind ? [created.get(urn)!.id] : []));
  }

  const group = (id: string) => after.userGroups.find((g) => g.id === id);

  function policies(s: State, subject: string) {
    const wanted = (Array.isArray(s.inputs.policies) ? s.inputs.policies : []) as PolicyInput[];
    const withUnknowns = wanted.filter((p) => strings(p.resourceGroups).some(isUnknown));
    const newGroups = resolve(UNKNOWN, s, "policies", "ResourceGroup");
    if (withUnknowns.length > 1 && newGroups.length > 1) {
      notes.push(`${subject}: several policies name resource groups created in this change; each is reviewed as granting on all of ${newGroups.join(", ")}`);
    }
    return wanted.map((p) => ({
      access: p.access ?? "allow",
      permissionGroups: strings(p.permissionGroups),
      resourceGroups: [...new Set((Array.isArray(p.resourceGroups) ? p.resourceGroups : []).flatMap((r) => (isUnknown(r) ? newGroups : typeof r === "string" ? [r] : [])))],
      scopes: (p.scopes ?? []).map((scope) => ({ key: scope.key ?? `com.cloudflare.api.account.${after.accountId}`, objects: scope.objects ?? [] })),
    }));
  }

  /** Plays a create or update: `s` is the planned state, `old` the state before an update. */
  function put(kind: string, s: State, id: string, old?: State): void {
    const inputs = s.inputs;
    switch (kind) {
      case "ResourceGroup": {
        const scope = inputs.scope as { key: string; objects: { key: string }[] };
        after.resourceGroups = [...after.resourceGroups.filter((g) => g.id !== id), { id, name: String(inputs.name), scope: { key: scope.key, objects: scope.objects.map((o) => o.key) }, system: false }];
        return;
      }
      case "UserGroup": {
        const existing = group(id);
        const updated = {
          id,
          name: String(inputs.name),
          policies: policies(s, JSON.stringify(inputs.name)),
          memberIds: existing?.memberIds ?? [],
          scimManaged: existing?.scimManaged ?? false,
        };
        after.userGroups = [...after.userGroups.filter((g) => g.id !== id), updated];
        return;
      }
      case "UserGroupMembers": {
        const target = group(resolve(inputs.userGroupId, s, "userGroupId", "UserGroup")[0] ?? "");
        if (!target) return void notes.push(`${name(s.urn)}: the user group it manages is not in the account or the change`);
        // The list replaces the group's members: whoever is there but neither planned nor put there by this program goes too.
        const planned = strings(inputs.memberIds);
        const ours = new Set([...planned, ...strings(old?.outputs?.memberIds)]);
        outside.push({ groupId: target.id, memberIds: target.memberIds.filter((m) => !ours.has(m)) });
        target.memberIds = planned;
        return;
      }
      case "UserGroupMember": {
        const target = group(resolve(inputs.userGroupId, s, "userGroupId", "UserGroup")[0] ?? "");
        const member = String(inputs.memberId);
        if (target && !target.memberIds.includes(member)) target.memberIds = [...target.memberIds, member];
        return;
      }
      case "SSOConnector": {
        const existing = after.ssoConnectors.find((c) => c.id === id);
        const connector = { useFedrampLanguage: false, verificationCode: "", verificationStatus: "", ...existing, id, emailDomain: String(inputs.emailDomain), enabled: inputs.enabled === true };
        after.ssoConnectors = [...after.ssoConnectors.filter((c) => c.id !== id), connector];
        return;
      }
      case "OAuthClient": {
        const args = { ...inputs, scopes: canonicalScopes(strings(inputs.scopes)) };
        after.oauthClients = [...after.oauthClients.filter((c) => c.id !== id), { id, args }];
        return;
      }
    }
  }

  function remove(kind: string, s: State): void {
    const id = s.id ?? "";
    switch (kind) {
      case "ResourceGroup":
        after.resourceGroups = after.resourceGroups.filter((g) => g.id !== id);
        return;
      case "UserGroup":
        after.userGroups = after.userGroups.filter((g) => g.id !== id);
        return;
      case "UserGroupMembers": {
        // Deleting the member list empties the group (fact 36).
        const target = group(id);
        if (target) target.memberIds = [];
        return;
      }
      case "UserGroupMember": {
        const [groupId, memberId] = id.split("/");
        const target = group(groupId);
        if (target) target.memberIds = target.memberIds.filter((m) => m !== memberId);
        return;
      }
      case "SSOConnector":
        after.ssoConnectors = after.ssoConnectors.filter((c) => c.id !== id);
        return;
      case "OAuthClient":
        after.oauthClients = after.oauthClients.filter((c) => c.id !== id);
        return;
    }
  }

  for (const step of preview.steps) {
    const oldKind = kindOf(step.oldState);
    const newKind = kindOf(step.newState);
    if (["delete", "delete-replaced", "replace"].includes(step.op) && oldKind) remove(oldKind, step.oldState!);
    if (["create", "create-replacement", "replace"].includes(step.op) && newKind) put(newKind, step.newState!, created.get(step.urn)!.id);
    if (step.op === "update" && newKind) put(newKind, step.newState!, step.oldState?.id ?? "", step.oldState);
  }
  return { after, outside, notes };
}
