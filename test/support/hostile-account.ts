/**
 * Account snapshots in which every name is hostile: made of what ends a line, a string, a
 * comment or a YAML scalar, or acts in a terminal. What `generate` must turn into inert code.
 */
import * as fc from "fast-check";
import type { AccountSnapshot } from "../../account/snapshot";

export const ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

/** Set by an injected statement: a program that ran one has set it. */
export const CANARY = "__cloudflareIamInjected";

export const INJECTIONS = [
  `\u2028globalThis.${CANARY} = true //`,
  `\nglobalThis.${CANARY} = true //`,
  `\rglobalThis.${CANARY} = true //`,
  `*/, (globalThis.${CANARY} = true), /*`,
  `"); globalThis.${CANARY} = true; ("`,
  `\`); globalThis.${CANARY} = true; (\``,
  `\${globalThis.${CANARY} = true}`,
];

const PIECES = [
  "\u2028",
  "\u2029",
  "\r",
  "\n",
  "\r\n",
  "\u0085",
  "*/",
  "/*",
  "//",
  "`",
  "${",
  "'",
  '"',
  "\\",
  "<!--",
  "-->",
  "# ",
  ": ",
  "- ",
  "&anchor ",
  "*anchor",
  "!!str ",
  "{",
  "[",
  "\u001b[2J",
  "\u001b]0;title\u0007",
  "\b",
  "\u007f",
  "\u009b",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\ud800",
  "\udc00",
  "\u{e0001}",
  ...INJECTIONS,
];

/**
 * A hostile name. The access-file schema and the provider trim names, so a name that would
 * change under trim is wrapped in «»: it reads back exactly, and its hostile part is kept.
 */
export const hostileName: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""))
  .map((name) => (name && name.trim() === name ? name : `«${name}»`));

export interface HostileNames {
  resourceGroups: string[];
  userGroups: string[];
  emails: string[];
  permissionGroups: string[];
  oauthClients: string[];
  domains: string[];
  /** Legacy roles with no equivalent permission group: what a member's generated code keeps, named in comments. */
  roles: string[];
  /** Skipped system groups' names and the SCIM message: what the notes quote. */
  notes: string[];
}

/** Distinct names of each kind (domains also ignoring case, as an access file compares them). */
export const hostileNames: fc.Arbitrary<HostileNames> = fc.record({
  resourceGroups: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 6 }),
  userGroups: fc.uniqueArray(hostileName, { minLength: 2, maxLength: 6 }),
  emails: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 6 }),
  permissionGroups: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 6 }),
  oauthClients: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 4 }),
  domains: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 4, selector: (d) => d.toLowerCase() }),
  roles: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 4 }),
  notes: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 4 }),
});

/** `kind` is one hex digit, so ids of different kinds never meet. */
const hexId = (kind: string, i: number) => kind + i.toString(16).padStart(31, "0");
const accountScope = `com.cloudflare.api.account.${ACCOUNT_ID}`;

/**
 * What member `i` holds directly, in turn: the role "Administrator" with the policy the API mirrors
 * it into (fact 62), a hostile role with no equivalent (kept), a policy of its own, or nothing.
 */
function memberGrants(i: number, roles: { id: string }[], adminGroup: string, wholeAccount: string): Pick<AccountSnapshot["members"][number], "roles" | "policies"> {
  const onAccount = { access: "allow", permissionGroups: [adminGroup], resourceGroups: [wholeAccount], scopes: [] };
  return [
    { roles: [roles[0].id], policies: [onAccount] },
    { roles: [roles[1 + (i % (roles.length - 1))].id], policies: [] },
    { roles: [], policies: [onAccount] },
    { roles: [], policies: [] },
  ][i % 4];
}

/**
 * A snapshot holding the names: every user group grants every permission group on a resource
 * group; odd user groups are SCIM's (so their names also reach a comment), even ones hold every
 * member; members hold roles and policies of their own in turn.
 */
export function hostileSnapshot(names: HostileNames): AccountSnapshot {
  // The first permission group is what the role "Administrator" maps to (fact 77), so its hostile name reaches a member's comment.
  const permissionGroups = names.permissionGroups.map((name, i) => ({ id: hexId("a", i), name, label: i === 0 ? "admin" : "label", description: "", scopes: [] }));
  const roles = ["Administrator", ...names.roles].map((name, i) => ({ id: hexId("8", i), name, description: "", permissions: {} }));
  const systemGroups = names.notes.map((name, i) => ({ id: hexId("e", i), name, scope: { key: accountScope, objects: ["*"] }, system: true }));
  const members = names.emails.map((email, i) => ({ id: hexId("b", i), email, status: "accepted", ...memberGrants(i, roles, permissionGroups[0].id, systemGroups[0].id) }));
  const resourceGroups = names.resourceGroups.map((name, i) => ({
    id: hexId("c", i),
    name,
    scope: { key: accountScope, objects: [`com.cloudflare.api.account.zone.${hexId("f", i)}`] },
    system: false,
  }));
  return {
    accountId: ACCOUNT_ID,
    permissionGroups,
    members,
    roles,
    resourceGroups: [...resourceGroups, ...systemGroups],
    userGroups: names.userGroups.map((name, i) => ({
      id: hexId("d", i),
      name,
      policies: [{ access: "allow", permissionGroups: permissionGroups.map((g) => g.id), resourceGroups: [resourceGroups[i % resourceGroups.length].id], scopes: [] }],
      memberIds: i % 2 ? [] : members.map((m) => m.id),
      scimManaged: i % 2 === 1,
    })),
    ssoConnectors: names.domains.map((emailDomain, i) => ({
      id: hexId("9", i),
      emailDomain,
      enabled: true,
      useFedrampLanguage: false,
      verificationCode: "",
      verificationStatus: "",
    })),
    oauthClients: names.oauthClients.map((clientName, i) => ({
      id: `client-${i}`,
      args: {
        clientName,
        grantTypes: ["authorization_code"],
        redirectUris: ["https://app.example.com/callback"],
        responseTypes: ["code"],
        scopes: ["zone.read"],
        tokenEndpointAuthMethod: "client_secret_post",
        visibility: "private",
      },
    })),
    skipped: systemGroups.map((g) => ({ kind: "resource group", id: g.id, name: g.name, reason: "a predefined system resource group" })),
    scimUnknown: names.notes[0],
  };
}

/** Every kind at once: the injections, the SCIM group, and a 70,000-character name. */
export const fixedHostileNames: HostileNames = {
  resourceGroups: [...INJECTIONS.map((s) => `rg ${s}`), `rg ${"\u2028x".repeat(35_000)}`],
  userGroups: [...INJECTIONS.map((s) => `ug ${s}`), 'Okta Engineers\u2028require("child_process").execSync("touch /tmp/pwned")//'],
  emails: INJECTIONS.map((s) => `m ${s}@example.com`),
  permissionGroups: INJECTIONS.map((s) => `pg ${s}`),
  oauthClients: INJECTIONS.map((s) => `oc ${s}`),
  domains: INJECTIONS.map((s) => `d ${s}.example.com`),
  roles: INJECTIONS.map((s) => `role ${s}`),
  notes: INJECTIONS.map((s) => `note ${s}`),
};
