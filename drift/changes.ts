/**
 * What changed in one drifted resource, property by property, in plain words: "renamed to
 * SRE-old", "policy Billing Read on the account added". Names come from the account and are
 * kept apart from our words (access/text.ts).
 */
import { isDeepStrictEqual } from "node:util";
import { join, name, type Text, text } from "../access/text";
import type { DriftedResource } from "./preview";

export interface PropertyChange {
  property: string;
  before: unknown;
  after: unknown;
  words: Text[];
}

/** How ids read as names: permission groups, resource groups and members. */
export interface Names {
  permissionGroup(id: string): string;
  resourceGroup(id: string): string;
  member(id: string): string;
}

/** Outputs the server sets or that only mirror another: never someone's change. */
const SERVER_OWNED = new Set([
  "accountId",
  "createdOn",
  "modifiedOn",
  "updatedOn",
  "createdAt",
  "updatedAt",
  "promotedAt",
  "clientSecret",
  "hasRotatedSecret",
  "secretVersion",
  "deleteRotatedSecret",
  "adoptId",
  "members",
  "email",
  "status",
  "system",
  "verificationCode",
  "verificationStatus",
  "clientUriVerificationStatus",
  "clientUriVerificationText",
  "beginVerification",
  "clientId",
]);

/** List properties, by what one item is called. */
const ITEM_WORDS: Record<string, string> = {
  redirectUris: "redirect URI",
  postLogoutRedirectUris: "post-logout redirect URI",
  allowedCorsOrigins: "CORS origin",
  scopes: "scope",
  optionalScopes: "optional scope",
  grantTypes: "grant type",
  responseTypes: "response type",
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const added = (before: string[], after: string[]) => after.filter((v) => !before.includes(v));

/** `x added` and `y removed` for each item of a set that changed. */
function setWords(before: string[], after: string[], item: (value: string) => Text): Text[] {
  return [...added(before, after).map((v) => text`${item(v)} added`), ...added(after, before).map((v) => text`${item(v)} removed`)];
}

interface Policy {
  access?: unknown;
  permissionGroups?: unknown;
  resourceGroups?: unknown;
  scopes?: { key?: string; objects?: string[] }[];
}

/** A policy's content, its id left out (fact 22: ids change on every update and mean nothing). */
const policyKey = (p: Policy) => JSON.stringify([p.access, [...strings(p.permissionGroups)].sort(), [...strings(p.resourceGroups)].sort(), p.scopes ?? []]);

function policyWords(p: Policy, names: Names): Text {
  const permissions = join(
    strings(p.permissionGroups).map((id) => [name(names.permissionGroup(id))]),
    ", ",
  );
  const targets = [...strings(p.resourceGroups).map((id) => [name(names.resourceGroup(id))]), ...(p.scopes ?? []).map((s) => text`the scope ${name(s.key ?? "")}`)];
  const deny = p.access === "deny" ? "deny " : "";
  return text`${deny}policy ${permissions} on ${join(targets, ", ")}`;
}

function policyChanges(before: unknown, after: unknown, names: Names): Text[] {
  const [was, is] = [before, after].map((v) => (Array.isArray(v) ? (v as Policy[]) : []));
  const wasKeys = was.map(policyKey);
  const isKeys = is.map(policyKey);
  return [
    ...is.filter((_, i) => !wasKeys.includes(isKeys[i])).map((p) => text`${policyWords(p, names)} added`),
    ...was.filter((_, i) => !isKeys.includes(wasKeys[i])).map((p) => text`${policyWords(p, names)} removed`),
  ];
}

const scopeObjects = (scope: unknown) => strings(((scope ?? {}) as { objects?: { key?: string }[] }).objects?.map((o) => o.key));

/** The words of one property's change; none when it only looks different (policy ids, order). */
function propertyWords(property: string, before: unknown, after: unknown, names: Names): Text[] {
  if (property === "name" || property === "clientName") return [text`renamed to ${name(String(after ?? ""))}`];
  if (property === "policies") return policyChanges(before, after, names);
  if (property === "memberIds") return setWords(strings(before), strings(after), (id) => text`member ${name(names.member(id))}`);
  if (property === "scope") return setWords(scopeObjects(before), scopeObjects(after), (key) => text`scope object ${name(key)}`);
  if (ITEM_WORDS[property]) return setWords(strings(before), strings(after), (v) => text`${ITEM_WORDS[property]} ${name(v)}`);
  if (typeof after === "boolean") return [text`${property} turned ${after ? "on" : "off"}`];
  return [text`${property} changed from ${name(String(before ?? ""))} to ${name(String(after ?? ""))}`];
}

/** Each property of the resource that differs between the stack and the account. */
export function propertyChanges(resource: DriftedResource, names: Names): PropertyChange[] {
  if (!resource.live) return [{ property: "id", before: resource.id, after: null, words: [["deleted"]] }];
  const live = resource.live;
  const keys = [...new Set([...Object.keys(resource.stack), ...Object.keys(live)])].filter((k) => !SERVER_OWNED.has(k)).sort();
  return keys.flatMap((property) => {
    const [before, after] = [resource.stack[property], live[property]];
    if (isDeepStrictEqual(before, after)) return [];
    const words = propertyWords(property, before, after, names);
    return words.length ? [{ property, before, after, words }] : [];
  });
}
