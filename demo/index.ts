/**
 * One of each resource, wired together: a user group whose policies name permission groups
 * (looked up by name) and a resource group; its members; an SSO connector whose verification
 * code a DNS record would carry; and an OAuth client whose scopes come from the scope catalogue.
 */
import * as pulumi from "@pulumi/pulumi";
import * as iam from "pulumi-cloudflare-iam";

const config = new pulumi.Config();
const prefix = config.get("namePrefix") ?? "demo";
const zoneId = config.get("zoneId") ?? "9a7806061c88ada191ed06f989cc3dac";

const productionZone = new iam.ResourceGroup("production-zone", {
  name: `${prefix}: production zone`,
  scope: { objects: [{ key: `com.cloudflare.api.account.zone.${zoneId}` }] },
});

const permission = (name: string) => iam.getPermissionGroupOutput({ name }).id;

const ops = new iam.UserGroup("ops", {
  name: `${prefix}: ops`,
  policies: [
    { access: "allow", permissionGroups: [permission("DNS Write"), permission("Zone Read")], resourceGroups: [productionZone.id] },
    { access: "allow", permissionGroups: [permission("Logs Read")], resourceGroups: [productionZone.id] },
  ],
});

const opsMembers = new iam.UserGroupMembers("ops-members", {
  userGroupId: ops.id,
  memberIds: config.requireObject<string[]>("memberIds"),
});

const sso = new iam.SSOConnector("corp-sso", { emailDomain: config.get("emailDomain") ?? "corp.example.com" });

// Only ask for scopes the account's catalogue offers.
const wanted = ["zone.read", "zone.dns.write"];
const scopes = iam.getOAuthScopesOutput().apply(({ scopes }) => wanted.filter((s) => scopes.some((offered) => offered.id === s)));

const deployer = new iam.OAuthClient("deployer", {
  clientName: `${prefix}: deployer`,
  grantTypes: ["authorization_code", "refresh_token"],
  redirectUris: ["https://deploy.example.com/oauth/callback"],
  responseTypes: ["code"],
  scopes,
  tokenEndpointAuthMethod: "client_secret_basic",
});

export const resourceGroupId = productionZone.id;
export const userGroupId = ops.id;
export const userGroupName = ops.name;
export const policyIds = ops.policies.apply((policies) => policies.map((p) => p.id));
export const memberEmails = opsMembers.members.apply((members) => members.map((m) => m.email));
export const ssoTxtRecord = pulumi.interpolate`${sso.emailDomain} TXT "${sso.verificationCode}"`;
export const oauthClientId = deployer.clientId;
export const oauthClientSecret = deployer.clientSecret;
