/** Bad input fails in check, naming the property and the rule, before any request is sent. */
import { type ProviderKind, providers } from "../../provider";
import { resetStats, stats, useEmulator } from "../support/emulator";
import { useProviderConfig } from "../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);

const hex = (c: string) => c.repeat(32);
const scope = { objects: [{ key: "com.cloudflare.api.account.zone.z" }] };
const policy = { access: "allow", permissionGroups: [hex("a")], resourceGroups: [hex("b")] };
const oauth = {
  clientName: "c",
  grantTypes: ["authorization_code"],
  redirectUris: ["https://app.example.com/cb"],
  responseTypes: ["code"],
  scopes: ["zone.read"],
  tokenEndpointAuthMethod: "none",
};

type Case = [string, ProviderKind, object, string, RegExp];

const cases: Case[] = [
  ["a non-hex account id", "resourceGroup", { accountId: "not-an-id", name: "n", scope }, "accountId", /32 lowercase hex/],
  ["a short account id", "userGroup", { accountId: "abc123", name: "n" }, "accountId", /32 lowercase hex/],
  ["an empty resource group name", "resourceGroup", { name: " ", scope }, "name", /must not be empty/],
  ["an empty scope objects list", "resourceGroup", { name: "n", scope: { objects: [] } }, "scope.objects", /at least one object/],
  ["a missing scope", "resourceGroup", { name: "n" }, "scope", /Required/],
  ["an empty scope key (fact 12)", "resourceGroup", { name: "n", scope: { key: "", objects: scope.objects } }, "scope.key", /must not be empty/],
  ["an empty scope object key", "resourceGroup", { name: "n", scope: { objects: [{ key: "" }] } }, "scope.objects[0].key", /must not be empty/],
  ["a misspelt property", "resourceGroup", { name: "n", scope, scopes: [] }, "(inputs)", /Unrecognized key.*scopes/],
  ["an uppercase adoptId", "resourceGroup", { name: "n", scope, adoptId: hex("A") }, "adoptId", /32 lowercase hex/],
  ["access other than allow or deny", "userGroup", { name: "n", policies: [{ ...policy, access: "maybe" }] }, "policies[0].access", /allow or deny/],
  [
    "a policy with no permission groups",
    "userGroup",
    { name: "n", policies: [{ ...policy, permissionGroups: [] }] },
    "policies[0].permissionGroups",
    /at least one permission group/,
  ],
  ["a policy with no resource groups", "userGroup", { name: "n", policies: [{ ...policy, resourceGroups: [] }] }, "policies[0].resourceGroups", /at least one resource group/],
  ["a wrong-length permission group id", "userGroup", { name: "n", policies: [{ ...policy, permissionGroups: ["abc"] }] }, "policies[0].permissionGroups[0]", /32 lowercase hex/],
  ["an empty user group name", "userGroup", { name: "" }, "name", /must not be empty/],
  ["duplicate member ids", "userGroupMembers", { userGroupId: hex("c"), memberIds: [hex("1"), hex("2"), hex("1")] }, "memberIds[2]", /duplicate of memberIds\[0\]/],
  ["a non-hex member id", "userGroupMembers", { userGroupId: hex("c"), memberIds: ["user@example.com"] }, "memberIds[0]", /32 lowercase hex/],
  ["a missing user group id", "userGroupMembers", { memberIds: [] }, "userGroupId", /Required/],
  ["a bad single member id", "userGroupMember", { userGroupId: hex("c"), memberId: "42" }, "memberId", /32 lowercase hex/],
  ["an email domain with a scheme", "ssoConnector", { emailDomain: "https://example.com" }, "emailDomain", /bare domain/],
  ["an email domain with a path", "ssoConnector", { emailDomain: "example.com/sso" }, "emailDomain", /bare domain/],
  ["an email address as domain", "ssoConnector", { emailDomain: "admin@example.com" }, "emailDomain", /bare domain/],
  ["a string for enabled", "ssoConnector", { emailDomain: "example.com", enabled: "yes" }, "enabled", /Expected boolean/],
  ["a colon-delimited scope", "oauthClient", { ...oauth, scopes: ["zone:read"] }, "scopes[0]", /colon-delimited/],
  ["grantTypes without authorization_code", "oauthClient", { ...oauth, grantTypes: ["refresh_token"] }, "grantTypes", /must include authorization_code/],
  ["an optional scope not in scopes", "oauthClient", { ...oauth, optionalScopes: ["zone.dns.read"] }, "optionalScopes[0]", /must also be listed in scopes/],
  ["openid as an optional scope", "oauthClient", { ...oauth, scopes: ["zone.read", "openid"], optionalScopes: ["openid"] }, "optionalScopes[0]", /cannot be optional/],
  ["an invalid redirect URI", "oauthClient", { ...oauth, redirectUris: ["not a uri"] }, "redirectUris[0]", /absolute https URL/],
  ["a plain-http redirect URI off localhost", "oauthClient", { ...oauth, redirectUris: ["http://app.example.com/cb"] }, "redirectUris[0]", /plain http only for localhost/],
  ["no redirect URIs", "oauthClient", { ...oauth, redirectUris: [] }, "redirectUris", /at least one redirect URI/],
  ["an unknown response type", "oauthClient", { ...oauth, responseTypes: ["code", "device"] }, "responseTypes[1]", /Invalid enum value/],
  ["an unknown token endpoint auth method", "oauthClient", { ...oauth, tokenEndpointAuthMethod: "private_key_jwt" }, "tokenEndpointAuthMethod", /Invalid enum value/],
  ["a plain-http client URI", "oauthClient", { ...oauth, clientUri: "http://app.example.com" }, "clientUri", /absolute https URL/],
  ["a CORS origin with a path", "oauthClient", { ...oauth, allowedCorsOrigins: ["https://app.example.com/path"] }, "allowedCorsOrigins[0]", /origin/],
  ["a negative secretVersion", "oauthClient", { ...oauth, secretVersion: -1 }, "secretVersion", /greater than or equal to 0/],
  ["an unknown visibility", "oauthClient", { ...oauth, visibility: "internal" }, "visibility", /Invalid enum value/],
  ["an empty client name", "oauthClient", { ...oauth, clientName: "" }, "clientName", /must not be empty/],
];

beforeAll(() => resetStats(emulator()));

it.each(cases)("rejects %s", async (_, kind, news, property, reason) => {
  const { failures } = await providers[kind].check!({}, news);
  const failure = failures?.find((f) => f.property === property);
  expect(failure).toBeDefined();
  expect(failure!.reason).toMatch(reason);
});

it("reports every failure at once", async () => {
  const { failures } = await providers.oauthClient.check!({}, { ...oauth, clientName: "", scopes: ["a:b"], redirectUris: ["x"] });
  expect(failures!.map((f) => f.property).sort()).toEqual(["clientName", "redirectUris[0]", "scopes[0]"]);
});

it("sent no request at all while checking", async () => {
  expect((await stats(emulator())).total).toBe(0);
});
