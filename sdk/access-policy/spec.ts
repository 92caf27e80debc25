/**
 * The access description an AccessPolicy expands: resource groups, user groups with policies
 * that name permission groups and resource groups by name, memberships by email or id, and
 * optionally the account's SSO connectors and OAuth clients. Loaded from YAML or JSON.
 */
import { readFileSync } from "node:fs";
import * as yaml from "js-yaml";
import { z } from "zod";
import { propertyPath } from "../../provider/framework/check";

const nonEmpty = z.string().trim().min(1, "must not be empty");
const hexId = /^[0-9a-f]{32}$/;

const scopeObject = z.union([nonEmpty, z.object({ key: nonEmpty }).strict()]).transform((o) => (typeof o === "string" ? o : o.key));
/** `key` defaults to the account; objects as strings or `{key}`. */
const scope = z.object({ key: nonEmpty.optional(), objects: z.array(scopeObject).min(1, "must list at least one object") }).strict();

const resourceGroup = z
  .object({
    name: nonEmpty,
    /** A stable identity for the entry; defaults to `name`. Keep it to rename a group in place. */
    key: nonEmpty.optional(),
    scope,
    adoptId: z.string().regex(hexId, "must be a 32-character hex id").optional(),
  })
  .strict();

const policy = z
  .object({
    access: z.enum(["allow", "deny"], { errorMap: () => ({ message: "must be allow or deny" }) }),
    permissionGroups: z.array(nonEmpty).min(1, "a policy needs at least one permission group"),
    resourceGroups: z.array(nonEmpty).default([]),
    /** Scopes written into the policy instead of a resource group (as the dashboard can make them). */
    scopes: z.array(scope).default([]),
  })
  .strict()
  .refine((p) => p.resourceGroups.length + p.scopes.length > 0, {
    message: "a policy needs at least one resource group or scope",
    path: ["resourceGroups"],
  });

const userGroup = z
  .object({
    name: nonEmpty,
    key: nonEmpty.optional(),
    policies: z.array(policy).default([]),
    /** Emails or account member ids. Absent: membership is not managed here. */
    members: z.array(nonEmpty).optional(),
    /** Managed by SCIM: the identity provider owns the name and members; only policies are managed here. */
    scim: z.boolean().default(false),
    adoptId: z.string().regex(hexId, "must be a 32-character hex id").optional(),
  })
  .strict()
  .refine((g) => !(g.scim && g.members), {
    message: "a SCIM-managed group's members come from the identity provider: leave members out",
    path: ["members"],
  });

const ssoConnector = z
  .object({
    emailDomain: nonEmpty,
    enabled: z.boolean().optional(),
    useFedrampLanguage: z.boolean().optional(),
    adoptId: z.string().regex(hexId, "must be a 32-character hex id").optional(),
  })
  .strict();

/** OAuth clients take the OAuthClient resource's arguments; the provider's check validates them. */
const oauthClient = z.object({ clientName: nonEmpty, key: nonEmpty.optional() }).passthrough();

export const accessSpecSchema = z
  .object({
    resourceGroups: z.array(resourceGroup).default([]),
    userGroups: z.array(userGroup).default([]),
    ssoConnectors: z.array(ssoConnector).default([]),
    oauthClients: z.array(oauthClient).default([]),
  })
  .strict();

export type AccessSpecInput = z.input<typeof accessSpecSchema>;
export type AccessSpec = z.output<typeof accessSpecSchema>;
export type ResourceGroupEntry = AccessSpec["resourceGroups"][number];
export type UserGroupEntry = AccessSpec["userGroups"][number];

export class AccessSpecError extends Error {
  constructor(source: string, problems: string[]) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join("\n  - ")}`}`);
    this.name = "AccessSpecError";
    this.stack = "";
  }
}

/** `userGroups[1] "SRE"`: the entry as a reader finds it in the file. */
export function entryLabel(section: string, index: number, name: string): string {
  return `${section}[${index}] ${JSON.stringify(name)}`;
}

function describeIssue(raw: unknown, path: (string | number)[], message: string): string {
  const [section, index, ...rest] = path;
  const entry = typeof index === "number" ? (raw as Record<string, { name?: string; emailDomain?: string; clientName?: string }[]>)?.[section as string]?.[index] : undefined;
  const name = entry?.name ?? entry?.emailDomain ?? entry?.clientName;
  const where = name !== undefined ? `${entryLabel(String(section), index as number, name)}${rest.length ? `.${propertyPath(rest)}` : ""}` : propertyPath(path) || "(top level)";
  return `${where}: ${message}`;
}

export function readAccessFile(file: string): unknown {
  const text = readFileSync(file, "utf8");
  try {
    return file.endsWith(".json") ? JSON.parse(text) : yaml.load(text, { filename: file });
  } catch (error) {
    throw new AccessSpecError(file, [(error as Error).message]);
  }
}

/** Validates the structure and the names the file itself defines; catalogue lookups come later. */
export function parseAccessSpec(raw: unknown, source: string): AccessSpec {
  const parsed = accessSpecSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new AccessSpecError(source, parsed.error.issues.map((i) => describeIssue(raw, i.path, i.message)));
  }
  const spec = parsed.data;
  const problems = [
    ...duplicates(spec.resourceGroups.map((g) => g.key ?? g.name), "resourceGroups", "resource group"),
    ...duplicates(spec.userGroups.map((g) => g.key ?? g.name), "userGroups", "user group"),
    ...duplicates(spec.ssoConnectors.map((c) => c.emailDomain.toLowerCase()), "ssoConnectors", "SSO connector for"),
    ...duplicates(spec.oauthClients.map((c) => c.key ?? c.clientName), "oauthClients", "OAuth client"),
  ];
  const groupNames = new Set(spec.resourceGroups.map((g) => g.name));
  spec.userGroups.forEach((group, g) =>
    group.policies.forEach((p, i) =>
      p.resourceGroups.forEach((name) => {
        if (!groupNames.has(name) && !hexId.test(name)) {
          problems.push(`${entryLabel("userGroups", g, group.name)}.policies[${i}]: unknown resource group ${JSON.stringify(name)}; define it under resourceGroups`);
        }
      }),
    ),
  );
  if (problems.length) throw new AccessSpecError(source, problems);
  return spec;
}

function duplicates(keys: string[], section: string, what: string): string[] {
  return keys.flatMap((key, i) => {
    const first = keys.indexOf(key);
    return first < i ? [`${section}[${i}]: duplicate ${what} ${JSON.stringify(key)} (first at ${section}[${first}])`] : [];
  });
}
