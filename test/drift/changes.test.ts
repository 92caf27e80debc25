/** What changed, property by property, in plain words. */
import { plain } from "../../access/text";
import { propertyChanges } from "../../drift/changes";
import { GROUP, MEMBER, resource } from "../support/drift";

const names = {
  permissionGroup: (id: string) => ({ pg1: "Billing Read", pg2: "DNS Write" })[id] ?? id,
  resourceGroup: (id: string) => ({ acct: "the account" })[id] ?? id,
  member: (id: string) => (id === MEMBER ? "ada@example.com" : id),
};
const words = (r: ReturnType<typeof resource>) => propertyChanges(r, names).map((c) => [c.property, c.words.map(plain)]);

it("a rename and a policy added, with names; policy ids and server timestamps are no change", () => {
  const kept = { id: "p-old", access: "allow", permissionGroups: ["pg2"], resourceGroups: ["acct"], scopes: [] };
  const stack = { name: "SRE", modifiedOn: "a", policies: [kept] };
  const live = {
    name: "SRE-old",
    modifiedOn: "b",
    policies: [
      { ...kept, id: "p-new" },
      { id: "p2", access: "allow", permissionGroups: ["pg1"], resourceGroups: ["acct"], scopes: [] },
    ],
  };
  expect(words(resource("UserGroup", GROUP, stack, live))).toEqual([
    ["name", ["renamed to SRE-old"]],
    ["policies", ["policy Billing Read on the account added"]],
  ]);
  expect(words(resource("UserGroup", GROUP, { policies: [kept] }, { policies: [{ ...kept, id: "p-new" }] }))).toEqual([]);
});

it("members, scope objects and list items added and removed; booleans turned on or off; other values from and to", () => {
  expect(words(resource("UserGroupMembers", GROUP, { memberIds: [MEMBER, "m2"] }, { memberIds: ["m2", "m3"] }))).toEqual([
    ["memberIds", ["member m3 added", "member ada@example.com removed"]],
  ]);
  expect(words(resource("ResourceGroup", "rg", { scope: { objects: [{ key: "zone.a" }] } }, { scope: { objects: [{ key: "zone.b" }] } }))).toEqual([
    ["scope", ["scope object zone.b added", "scope object zone.a removed"]],
  ]);
  expect(words(resource("OAuthClient", "c", { redirectUris: ["https://a"], visibility: "private" }, { redirectUris: ["https://b"], visibility: "public" }))).toEqual([
    ["redirectUris", ["redirect URI https://b added", "redirect URI https://a removed"]],
    ["visibility", ["visibility changed from private to public"]],
  ]);
  expect(words(resource("SSOConnector", "s", { useFedrampLanguage: false }, { useFedrampLanguage: true }))).toEqual([["useFedrampLanguage", ["useFedrampLanguage turned on"]]]);
});

it("an object gone from the account is deleted", () => {
  expect(propertyChanges(resource("SSOConnector", "s", { emailDomain: "e.com" }, undefined), names)).toEqual([{ property: "id", before: "s", after: null, words: [["deleted"]] }]);
});
