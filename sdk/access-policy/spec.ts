/**
 * The access description an AccessPolicy expands: resource groups, user groups with policies
 * that name permission groups and resource groups by name, memberships by email or id, and
 * optionally the account's SSO connectors and OAuth clients. Loaded from YAML or JSON.
 */
import { readFileSync, statSync } from "node:fs";
import { LineCounter, parseDocument, visit } from "yaml";
import { z } from "zod";
import { propertyPath } from "../../provider/framework/check";
import { inert, quote } from "../../provider/framework/quote";
import { inputsSchema as oauthClientInputs } from "../../provider/resources/oauth-client/schema";

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

/** A person a group names: an email or a membership id, or `{email, invite}` to invite them when they are not in the account. */
const memberRef = z.union([nonEmpty, z.object({ email: nonEmpty.email("must be an email address"), invite: z.boolean().optional() }).strict()]);
export type MemberRef = z.output<typeof memberRef>;

const userGroup = z
  .object({
    name: nonEmpty,
    key: nonEmpty.optional(),
    policies: z.array(policy).default([]),
    /** Emails or account member ids (or `{email, invite}`). Absent: membership is not managed here. */
    members: z.array(memberRef).optional(),
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

/**
 * Exactly the OAuthClient resource's arguments, from its own schema (the account is the
 * AccessPolicy's), and `key`: a misspelt argument is an error, never carried along unseen.
 */
const oauthClient = oauthClientInputs.omit({ accountId: true }).extend({ key: nonEmpty.optional() }).strict();

/**
 * Whether the file manages who is in the account, not only who is in its groups
 * (docs/access-files.md): `invite` invites whoever it names who is not in the account yet;
 * `offboard` removes from the account whoever is dropped from the file.
 */
const members = z.object({ invite: z.boolean().default(false), offboard: z.boolean().default(false) }).strict();

export const accessSpecSchema = z
  .object({
    members: members.optional(),
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
  return `${section}[${index}] ${quote(name)}`;
}

function describeIssue(raw: unknown, path: (string | number)[], message: string): string {
  const [section, index, ...rest] = path;
  const entry = typeof index === "number" ? (raw as Record<string, Record<string, unknown>[]>)?.[section as string]?.[index] : undefined;
  const name = [entry?.name, entry?.emailDomain, entry?.clientName].find((n): n is string => typeof n === "string");
  const where = name !== undefined ? `${entryLabel(String(section), index as number, name)}${rest.length ? `.${propertyPath(rest)}` : ""}` : propertyPath(path) || "(top level)";
  // Keys and zod's messages (which may quote a value) come from the file: one inert line.
  return inert(`${where}: ${message}`);
}

/** One problem for each key the schema does not know, at the key's own path. */
function problemsOf(raw: unknown, issue: z.ZodIssue): string[] {
  // Of a union (a member as an address, or as `{email, invite}`), the problems of the form the value has.
  if (issue.code === z.ZodIssueCode.invalid_union) {
    const ofItsForm = issue.unionErrors.map((e) => e.issues).find((issues) => !issues.some((i) => i.code === "invalid_type" && i.path.length === issue.path.length));
    if (ofItsForm) return ofItsForm.flatMap((i) => problemsOf(raw, i));
  }
  if (issue.code === z.ZodIssueCode.unrecognized_keys) return issue.keys.map((key) => describeIssue(raw, [...issue.path, key], "unknown key"));
  return [describeIssue(raw, issue.path, issue.message)];
}

/** Room for an account of 50,000 memberships, and a bound on the seconds a preview spends reading (docs/hostile-data.md). */
export const MAX_ACCESS_FILE_BYTES = 4 * 1024 * 1024;

/**
 * YAML without aliases: an access file is reviewed entry by entry, an alias would change
 * entries a reviewer does not see change, and expanding nested aliases ("billion laughs") is
 * unbounded. Refused in the parsed document, before anything is expanded.
 */
function loadYaml(text: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const line = (offset: number) => `line ${lineCounter.linePos(offset).line}`;
  const [problem] = [...document.errors, ...document.warnings];
  if (problem) throw new Error(`${line(problem.pos[0])}: ${problem.message}`);
  let alias: number | undefined;
  visit(document, {
    Alias(_, node) {
      alias = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (alias !== undefined) throw new Error(`${line(alias)}: YAML aliases (*name) are not allowed in an access file: write each entry out in full`);
  return document.toJS();
}

/** A regular file of at most MAX_ACCESS_FILE_BYTES, as YAML (or JSON by its extension); every failure one line. */
export function readAccessFile(file: string): unknown {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new Error("not a regular file");
    if (stats.size > MAX_ACCESS_FILE_BYTES) {
      throw new Error(`${stats.size} bytes: an access file is at most 4 MiB (${MAX_ACCESS_FILE_BYTES} bytes)`);
    }
    const text = readFileSync(file, "utf8");
    return file.endsWith(".json") ? JSON.parse(text) : loadYaml(text);
  } catch (error) {
    // Parsers quote the text they stopped at, and the text is the file's.
    throw new AccessSpecError(file, [inert((error as Error).message)]);
  }
}

/** Validates the structure and the names the file itself defines; catalogue lookups come later. */
export function parseAccessSpec(raw: unknown, source: string): AccessSpec {
  const parsed = accessSpecSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new AccessSpecError(
      source,
      parsed.error.issues.flatMap((issue) => problemsOf(raw, issue)),
    );
  }
  const spec = parsed.data;
  const problems = [
    ...duplicates(
      spec.resourceGroups.map((g) => g.key ?? g.name),
      "resourceGroups",
      "resource group",
    ),
    ...duplicates(
      spec.userGroups.map((g) => g.key ?? g.name),
      "userGroups",
      "user group",
    ),
    ...duplicates(
      spec.ssoConnectors.map((c) => c.emailDomain.toLowerCase()),
      "ssoConnectors",
      "SSO connector for",
    ),
    ...duplicates(
      spec.oauthClients.map((c) => c.key ?? c.clientName),
      "oauthClients",
      "OAuth client",
    ),
  ];
  const groupNames = new Set(spec.resourceGroups.map((g) => g.name));
  for (const [g, group] of spec.userGroups.entries()) {
    for (const [i, p] of group.policies.entries()) {
      for (const name of p.resourceGroups) {
        if (!groupNames.has(name) && !hexId.test(name)) {
          problems.push(`${entryLabel("userGroups", g, group.name)}.policies[${i}]: unknown resource group ${quote(name)}; define it under resourceGroups`);
        }
      }
    }
  }
  if (problems.length) throw new AccessSpecError(source, problems);
  return spec;
}

function duplicates(keys: string[], section: string, what: string): string[] {
  return keys.flatMap((key, i) => {
    const first = keys.indexOf(key);
    return first < i ? [`${section}[${i}]: duplicate ${what} ${quote(key)} (first at ${section}[${first}])`] : [];
  });
}
