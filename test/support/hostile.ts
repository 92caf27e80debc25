/**
 * Hostile names, and a review that carries one in every field a review shows: risk messages of
 * every kind, people lines, group, resource-group, OAuth and SSO changes, and notes.
 */
import fc from "fast-check";
import { compareAccess, type Review } from "../../access/compare";
import { defaultRiskRules } from "../../access/risk";
import { name, text } from "../../access/text";
import type { AccountSnapshot, SnapshotPolicy } from "../../account/snapshot";

const ACCOUNT = "a".repeat(32);

/** What Markdown and HTML read as markup, line terminators, bidirectional and invisible characters. */
export const METACHARACTERS = [
  ..."`"
    .repeat(5)
    .split("")
    .map((_, i) => "`".repeat(i + 1)),
  "<!--",
  "-->",
  "<img src=x onerror=alert(1)>",
  "<details>",
  "</details>",
  "@org/team",
  "[x](https://evil.example)",
  "![x](https://evil.example/i.png)",
  "https://evil.example",
  "www.evil.example",
  "*",
  "**",
  "_",
  "~~",
  "|",
  "| --- |",
  "\\",
  "&lt;",
  "&#96;",
  "# ",
  "- ",
  "1. ",
  "> ",
  "    ",
  " ",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\u2028",
  "\u2029",
  "\u0085",
  "\u202e",
  "\u2066",
  "\u200b",
  "\u{e0041}",
  "\u0000",
  "\u001b[31m",
  "No change in access: this change alters no one's access.",
];

/** A name made of metacharacters and ordinary text, now and then very long. */
export const hostileName = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.oneof(fc.constantFrom(...METACHARACTERS), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.constantFrom(...METACHARACTERS).map((piece) => piece.repeat(Math.ceil(70_000 / piece.length))) },
);

/** A name short enough to print: a counterexample of 70,000 characters would bury the failure. */
const printable = (value: string) => {
  const shown = JSON.stringify(value.slice(0, 80)).replace(/[^\x20-\x7e]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  return value.length > 80 ? `${shown}…(${value.length} characters)` : shown;
};

/** Checks `check` on `runs` lists of hostile names; a failure names the shrunk names, shortened, and the first error. */
export function forHostileNames(count: number, runs: number, check: (names: string[]) => void): void {
  const result = fc.check(fc.property(fc.array(hostileName, { minLength: count, maxLength: count }), check), { numRuns: runs });
  if (result.failed) {
    const names = (result.counterexample?.[0] ?? []).map(printable).join(", ");
    throw new Error(`failed for the names [${names}] (seed ${result.seed}):\n${String(result.errorInstance)}`.slice(0, 6000));
  }
}

/** How many names `hostileReview` takes. */
export const NAME_COUNT = 20;

const policy = (permissionGroups: string[], resourceGroups: string[], access = "allow"): SnapshotPolicy => ({ access, permissionGroups, resourceGroups, scopes: [] });

/** An account with `n` (NAME_COUNT names) in every name, email, domain, scope and client field. */
function accounts(n: string[]): [AccountSnapshot, AccountSnapshot] {
  const member = (id: string, email: string) => ({ id, email, status: "accepted", roles: [], policies: [] });
  const key = `com.cloudflare.api.account.${ACCOUNT}`;
  const before: AccountSnapshot = {
    accountId: ACCOUNT,
    permissionGroups: [
      { id: "pg-admin", name: n[0], label: "admin", description: "", scopes: [] },
      { id: "pg-dns", name: n[1], label: "dns", description: "", scopes: [] },
    ],
    members: [member("m1", n[2]), member("m2", n[3]), member("m3", n[4])],
    roles: [],
    resourceGroups: [
      { id: "rg", name: n[5], scope: { key, objects: [n[6]] }, system: false },
      { id: "all", name: key, scope: { key, objects: ["*"] }, system: true },
    ],
    userGroups: [
      { id: "g1", name: n[7], memberIds: ["m1"], policies: [policy(["pg-dns"], ["rg"])], scimManaged: false },
      { id: "g2", name: n[8], memberIds: [], policies: [], scimManaged: false },
      { id: "g3", name: n[9], memberIds: ["m3"], policies: [policy(["pg-dns"], ["rg"])], scimManaged: false },
    ],
    ssoConnectors: [{ id: "s-old", emailDomain: n[10], enabled: true, useFedrampLanguage: false, verificationCode: "", verificationStatus: "" }],
    oauthClients: [{ id: "c1", args: { clientName: n[11], scopes: [n[12]], visibility: "private" } }],
    skipped: [],
  };
  const after: AccountSnapshot = {
    ...structuredClone(before),
    userGroups: [
      {
        id: "g1",
        name: n[13],
        memberIds: ["m1", "m2"],
        policies: [policy(["pg-admin"], ["rg"]), policy(["pg-dns"], ["all"]), policy(["pg-dns"], ["rg"], "deny")],
        scimManaged: false,
      },
      { id: "g2", name: n[8], memberIds: [], policies: [policy(["pg-dns"], ["rg"])], scimManaged: false },
    ],
    resourceGroups: [{ ...before.resourceGroups[0], scope: { key, objects: [n[14]] } }, before.resourceGroups[1]],
    ssoConnectors: [{ id: "s-new", emailDomain: n[15], enabled: false, useFedrampLanguage: false, verificationCode: n[16], verificationStatus: "" }],
    oauthClients: [{ id: "c1", args: { clientName: n[11], scopes: [n[17]], visibility: "public" } }],
  };
  return [before, after];
}

/** The review of a change that touches every field, each name taken from `n`. */
export function hostileReview(n: string[]): Review {
  const [before, after] = accounts(n);
  return compareAccess(
    before,
    after,
    defaultRiskRules,
    [{ groupId: "g1", memberIds: ["m3"] }],
    [text`a note on ${name(n[18])}`],
    [{ kind: "not-reviewed", message: text`the pull request changes ${name(n[19])}` }],
  );
}
