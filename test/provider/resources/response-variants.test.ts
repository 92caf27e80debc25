/**
 * Every response parser, fed with generated variants of the same object: the reference pages'
 * examples and the shapes REAL-API-FACTS.md records, then, at random, optional fields `null` or
 * missing, unknown extra fields, envelope variants and shuffled lists. Each variant must parse,
 * through the one envelope stripper, and map to outputs with no diff against the outputs of the
 * same object's base shape.
 */
import fc from "fast-check";
import type { z } from "zod";
import { apiAccountMember, toAccountMember, toDirectGrants } from "../../../account/account-members";
import { apiPermissionGroup, toPermissionGroup } from "../../../account/permission-groups";
import { apiRole, toLegacyRole } from "../../../account/roles";
import { providers } from "../../../provider";
import { list, unwrap } from "../../../provider/client";
import * as oauth from "../../../provider/resources/oauth-client/schema";
import * as resourceGroup from "../../../provider/resources/resource-group/schema";
import * as sso from "../../../provider/resources/sso-connector/schema";
import * as userGroup from "../../../provider/resources/user-group/schema";
import * as members from "../../../provider/resources/user-group-members/schema";

const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
const ZONE_READ = "c8fed203ed3043cba015a93ad1616f1f";
const RG = "6d7f2f5f5b1d4a0e9081fdc98d432fd1";
const ROLE_ADMIN = "05784afa30c1afe1440e79d9351c7430";
const ROLE_READ_ONLY = "f2b20eaa1a5d4af42b53ac16238c99c7";
const accountScope = {
  key: `com.cloudflare.api.account.${ACCOUNT}`,
  objects: [{ key: "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5" }, { key: "com.cloudflare.api.account.zone.aa" }],
};

/** A field that may come back `null` or not at all without changing what the object is. */
type Path = (string | "*")[];

interface Case {
  name: string;
  /** The shapes of one object: the reference example's and the facts'. */
  shapes: unknown[];
  /** Fields that may be null or missing: unused, server-owned, or empty in every shape. */
  optional: Path[];
  /** Parse a result (already out of the envelope) and map it to what the provider compares. */
  schema: z.ZodTypeAny;
  outputs: (parsed: any) => any;
  /** No diff between two outputs of the same object. */
  same: (a: any, b: any) => Promise<void>;
}

const noDiff = (provider: keyof typeof providers) => async (olds: any, news: any) => {
  expect(await providers[provider].diff!("id", olds, news)).toMatchObject({ changes: false, replaces: [] });
};
const equal = async (a: unknown, b: unknown) => expect(b).toEqual(a);

const permissionGroupShapes = [
  { id: ZONE_READ, meta: { key: "key", value: "value" }, name: "Zone Read" },
  // fact 5
  {
    id: ZONE_READ,
    name: "Zone Read",
    status: "V",
    meta: { description: "Grants read access to Zone", editable: "false", label: "zone_read", scopes: "com.cloudflare.api.account.zone" },
    created_on: "2020-07-06T12:19:13.099114Z",
    modified_on: "2020-10-13T11:18:00.208228Z",
  },
];

/** A policy's fields no reader uses, in user groups and account members alike (facts 16 and 61). */
const policyFields: Path[] = [
  ["policies", "*", "id"],
  ["policies", "*", "permission_groups", "*", "name"],
  ["policies", "*", "permission_groups", "*", "meta"],
  ["policies", "*", "resource_groups", "*", "name"],
  ["policies", "*", "resource_groups", "*", "meta"],
];

const cases: Case[] = [
  {
    name: "resource group",
    shapes: [
      { id: RG, name: "prod", scope: [accountScope], meta: { key: "key", value: "value" } }, // reference
      { id: RG, name: "prod", scope: accountScope, meta: { editable: "true" } }, // facts 9, 11
    ],
    optional: [["meta"], ["meta", "key"], ["meta", "value"], ["meta", "editable"]],
    schema: resourceGroup.apiResourceGroup,
    outputs: (api) => resourceGroup.toOutputs(ACCOUNT, api),
    same: noDiff("resourceGroup"),
  },
  {
    name: "user group",
    shapes: [
      {
        id: "7148c1e4d9f247f5b6dcd3ef20f998f9",
        name: "SRE",
        created_on: "2025-01-16T20:43:01.019311Z",
        modified_on: "2025-01-16T20:44:07.627233Z",
        policies: [
          {
            id: "8d82cf8c15c64e07a4bee58e00d80bca",
            access: "allow",
            permission_groups: permissionGroupShapes,
            resource_groups: [{ id: RG, scope: [accountScope], meta: { key: "k", value: "v" }, name: "prod" }, { scope: accountScope }],
          },
        ],
      },
      // facts 16 and 24: status, policy timestamps, whole permission groups, an inline scope with no id.
      {
        id: "7148c1e4d9f247f5b6dcd3ef20f998f9",
        name: "SRE",
        status: "V",
        created_on: "2025-01-16T20:43:01.019311Z",
        modified_on: "2025-01-16T20:44:07.627233Z",
        policies: [
          {
            id: "8d82cf8c15c64e07a4bee58e00d80bca",
            access: "allow",
            status: "V",
            created_on: "2025-01-16T20:44:07.627233Z",
            modified_on: "2025-01-16T20:44:07.627233Z",
            permission_groups: [...permissionGroupShapes].reverse(),
            resource_groups: [
              { created_on: "2025-01-16T20:44:07.627233Z", scope: accountScope },
              { id: RG, name: "prod", scope: accountScope, meta: { editable: "true" } },
            ],
          },
        ],
      },
    ],
    optional: [
      ["status"],
      ["created_on"],
      ["modified_on"],
      ...policyFields,
      ["policies", "*", "status"],
      ["policies", "*", "created_on"],
      ["policies", "*", "modified_on"],
      ["policies", "*", "permission_groups", "*", "status"],
      ["policies", "*", "resource_groups", "*", "created_on"],
    ],
    schema: userGroup.apiUserGroup,
    outputs: (api) => userGroup.toOutputs(ACCOUNT, api),
    same: noDiff("userGroup"),
  },
  {
    name: "user group without policies",
    // facts 16, 17, 18: the key left out, null, or an empty list.
    shapes: [{ id: "f234f49f66df4db8864c5189fe78c87f", name: "Bare", created_on: "2025-01-24T15:31:36.759979Z", modified_on: "2025-01-24T15:35:50.151764Z", policies: [] }],
    optional: [["policies"], ["status"], ["created_on"], ["modified_on"]],
    schema: userGroup.apiUserGroup,
    outputs: (api) => userGroup.toOutputs(ACCOUNT, api),
    same: noDiff("userGroup"),
  },
  {
    name: "user group members",
    shapes: [
      [
        { id: "a4366a09c43a0b0c4606dc5528472bb6", email: "luke@rebelalliance.net", status: "accepted" },
        { id: "0329c17f6c13f5202dc38d2036efb1a9", email: "arya@winterfell.place", status: "pending" },
      ],
      // fact 29: the DOC sample has no status.
      [
        { id: "0329c17f6c13f5202dc38d2036efb1a9", email: "arya@winterfell.place" },
        { id: "a4366a09c43a0b0c4606dc5528472bb6", email: "luke@rebelalliance.net" },
      ],
    ],
    optional: [["*", "status"]],
    schema: list(members.apiMember),
    outputs: (api) => members.toOutputs(ACCOUNT, "f".repeat(32), api),
    same: async (a, b) => {
      await noDiff("userGroupMembers")(a, b);
      expect(b.members.map((m: { email: string }) => m.email)).toEqual(a.members.map((m: { email: string }) => m.email));
    },
  },
  {
    name: "an empty group's members",
    // fact 28: `result: null`, or missing.
    shapes: [[]],
    optional: [[]],
    schema: list(members.apiMember),
    outputs: (api) => members.toOutputs(ACCOUNT, "f".repeat(32), api),
    same: noDiff("userGroupMembers"),
  },
  {
    name: "SSO connector",
    shapes: [
      {
        id: "023e105f4ecef8ad9ca31a8372d0c353",
        created_on: "2025-01-01T12:21:02.0000Z",
        email_domain: "example.com",
        enabled: false,
        updated_on: "2025-01-01T12:21:02.0000Z",
        use_fedramp_language: false,
        verification: { code: "cloudflare_dashboard_sso=023e105f4ecef8ad9ca31a8372d0c353", status: "pending" },
      },
    ],
    // fact 43: every field may be null; `false` is the default of the two booleans.
    optional: [["created_on"], ["updated_on"], ["enabled"], ["use_fedramp_language"], ["verification"], ["verification", "code"], ["verification", "status"]],
    schema: sso.apiConnector,
    outputs: (api) => sso.toOutputs(ACCOUNT, true, api),
    same: noDiff("ssoConnector"),
  },
  {
    name: "OAuth client",
    shapes: [
      {
        client_id: "cl_0123456789",
        client_name: "Grafana",
        visibility: "private",
        grant_types: ["authorization_code", "refresh_token"],
        redirect_uris: ["https://grafana.example.com/a", "https://grafana.example.com/b"],
        response_types: ["code"],
        scopes: ["offline_access", "zone.read", "teams.read", "user-details.read"],
        token_endpoint_auth_method: "client_secret_basic",
        allowed_cors_origins: [],
        post_logout_redirect_uris: [],
        optional_scopes: [],
        has_rotated_secret: false,
        created_at: "2025-01-01T00:00:00Z",
        updated_at: "2025-01-01T00:00:00Z",
      },
    ],
    optional: [
      ["client_secret"],
      ["allowed_cors_origins"],
      ["post_logout_redirect_uris"],
      ["optional_scopes"],
      ["client_uri"],
      ["logo_uri"],
      ["policy_uri"],
      ["tos_uri"],
      ["has_rotated_secret"],
      ["client_uri_verification"],
      ["created_at"],
      ["updated_at"],
    ],
    schema: oauth.apiClient,
    outputs: (api) => oauth.toOutputs(ACCOUNT, api, { clientSecret: "kept", secretVersion: 0, deleteRotatedSecret: false }),
    same: noDiff("oauthClient"),
  },
  {
    name: "permission group",
    shapes: [permissionGroupShapes[1]],
    optional: [["status"], ["created_on"], ["modified_on"], ["meta", "editable"]],
    schema: apiPermissionGroup,
    outputs: toPermissionGroup,
    same: equal,
  },
  {
    name: "account member without direct grants",
    shapes: [
      { id: "d".repeat(32), email: "ada@example.com", status: "accepted", user: { id: "e".repeat(32), email: "ada@example.com", first_name: "Ada" }, roles: [], policies: [] },
    ],
    optional: [["email"], ["roles"], ["policies"], ["user", "id"], ["user", "first_name"]],
    schema: apiAccountMember,
    outputs: (api) => ({ ...toAccountMember(api), ...toDirectGrants(api) }),
    same: equal,
  },
  {
    name: "account member with roles and policies",
    shapes: [
      // fact 73: whole Role objects on GET; fact 61: policies with ids and expanded groups; fact 62: mirrored.
      {
        id: "d".repeat(32),
        email: "Grace@Example.com",
        status: "accepted",
        user: { id: "e".repeat(32), email: "grace@example.com", first_name: "Grace", last_name: "Hopper", two_factor_authentication_enabled: false },
        roles: [
          {
            id: ROLE_ADMIN,
            name: "Administrator",
            description: "Can access the full account",
            permissions: { dns: { read: true, edit: true }, billing: { read: false, edit: false } },
          },
          { id: ROLE_READ_ONLY, name: "Administrator Read Only", description: "Read only", permissions: { dns: { read: true, write: false } } },
        ],
        policies: [
          {
            id: "8d82cf8c15c64e07a4bee58e00d80bca",
            access: "allow",
            permission_groups: [{ id: ZONE_READ, meta: { key: "label", value: "zone_read" }, name: "Zone Read" }],
            resource_groups: [{ id: RG, name: "prod", meta: { key: "k", value: "v" }, scope: { key: accountScope.key, objects: [{ key: "*" }] } }, { scope: accountScope }],
          },
          { id: "9d82cf8c15c64e07a4bee58e00d80bca", access: "allow", permission_groups: permissionGroupShapes, resource_groups: [{ id: RG }] },
        ],
      },
      // fact 52: roles as bare ids; fact 56: the email only at the top level.
      {
        id: "d".repeat(32),
        email: "grace@example.com",
        status: "accepted",
        roles: [ROLE_READ_ONLY, ROLE_ADMIN],
        policies: [
          { access: "allow", permission_groups: [{ id: ZONE_READ }], resource_groups: [{ scope: accountScope }, { id: RG }] },
          { access: "allow", permission_groups: [...permissionGroupShapes].reverse(), resource_groups: [{ id: RG, name: "prod" }] },
        ],
      },
    ],
    optional: [["user"], ["roles", "*", "name"], ["roles", "*", "description"], ["roles", "*", "permissions"], ...policyFields],
    schema: apiAccountMember,
    outputs: (api) => ({ ...toAccountMember(api), ...toDirectGrants(api) }),
    same: equal,
  },
  {
    name: "legacy role",
    shapes: [
      {
        id: ROLE_READ_ONLY,
        name: "Administrator Read Only",
        description: "Can access the full account in read-only mode.",
        permissions: { analytics: { read: true, edit: false }, billing: { read: false, edit: false }, dns: { read: true, edit: false } },
      },
      // Cloudflare's SDKs call `edit` `write` (facts 73 and 78); a type granting nothing may be left out.
      {
        id: ROLE_READ_ONLY,
        name: "Administrator Read Only",
        description: "Can access the full account in read-only mode.",
        permissions: { dns: { read: true, write: false }, analytics: { read: "true" } },
      },
    ],
    optional: [
      ["permissions", "billing"],
      ["permissions", "*", "edit"],
      ["permissions", "*", "write"],
    ],
    schema: apiRole,
    outputs: toLegacyRole,
    same: equal,
  },
];

/** Applies `change` to every value at `path` (`*` is every element of a list). */
function atPath(value: any, path: Path, change: (parent: any, key: string | number) => void): void {
  if (value === null || typeof value !== "object") return;
  const [head, ...rest] = path;
  const keys = head === "*" ? Object.keys(value).map((k) => (Array.isArray(value) ? Number(k) : k)) : [head];
  for (const key of keys) {
    if (!(key in value)) continue;
    if (rest.length === 0) change(value, key);
    else atPath(value[key], rest, change);
  }
}

/** Every list in the value, shuffled: the server's order is never the one a client relies on. */
function shuffleLists(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => shuffleLists(v, random));
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shuffleLists(v, random)]));
  return value;
}

/** Unknown fields on every object, under names the API does not use today. */
function withExtras(value: unknown, extras: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => withExtras(v, extras));
  if (value && typeof value === "object") {
    return { ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withExtras(v, extras)])), ...extras };
  }
  return value;
}

const seededRandom = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};

/** An envelope as the real API may send it: result_info present, null or missing (fact 4); messages null. */
const envelope = fc.record({
  result_info: fc.constantFrom(undefined, null, { count: 1, page: 1, per_page: 20, total_count: 1 }),
  messages: fc.constantFrom(undefined, null, []),
  errors: fc.constantFrom([], null),
});

const extras = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }).map((k) => `x_${k}`),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

describe.each(cases)("$name", (c) => {
  const parse = (result: unknown, env: object = {}) => c.outputs(unwrap({ success: true, ...env, result }, c.schema, c.name).result);
  // Parsed inside each test, so a shape the parser refuses fails that test rather than the whole file.
  const base = () => parse(c.shapes[0]);

  it("every shape parses to outputs with no diff", async () => {
    const last = base();
    for (const shape of c.shapes) await c.same(last, parse(shape));
  });

  it("generated variants parse to outputs with no diff", async () => {
    const last = base();
    const absence = fc.array(fc.constantFrom("keep", "null", "missing"), { minLength: c.optional.length, maxLength: c.optional.length });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...c.shapes), absence, extras, fc.integer(), envelope, async (shape, choices, extra, seed, env) => {
        let variant: any = withExtras(structuredClone(shape), extra);
        c.optional.forEach((path, i) => {
          if (choices[i] === "keep") return;
          if (path.length === 0) variant = choices[i] === "null" ? null : undefined;
          else
            atPath(variant, path, (parent, key) => {
              if (choices[i] === "null") parent[key] = null;
              else delete parent[key];
            });
        });
        await c.same(last, parse(shuffleLists(variant, seededRandom(seed)), env));
      }),
      { numRuns: 150 },
    );
  });
});
