import * as pulumi from "@pulumi/pulumi";
import * as iam from "pulumi-cloudflare-iam";

// The ids of objects made by hand, e.g. from the dashboard or the API.
const adopt = new pulumi.Config().requireObject<{
  resourceGroupId: string;
  userGroupId: string;
  ssoConnectorId: string;
  oauthClientId: string;
}>("adopt");

// The program states what each object should be; adoption reads the object, then updates only
// what differs. Nothing is created, so nothing is duplicated.
const zones = new iam.ResourceGroup("zones", {
  name: "all zones",
  scope: { objects: [{ key: "com.cloudflare.api.account.zone.*" }] },
  adoptId: adopt.resourceGroupId,
});

const readers = new iam.UserGroup("readers", {
  name: "Read-only",
  policies: [{ access: "allow", permissionGroups: [iam.getPermissionGroupOutput({ name: "Zone Read" }).id], resourceGroups: [zones.id] }],
  adoptId: adopt.userGroupId,
});

const sso = new iam.SSOConnector("corp-sso", { emailDomain: "corp.example.com", adoptId: adopt.ssoConnectorId });

const app = new iam.OAuthClient("internal-app", {
  clientName: "internal app",
  grantTypes: ["authorization_code"],
  redirectUris: ["https://app.example.com/callback"],
  responseTypes: ["code"],
  scopes: ["zone.read"],
  tokenEndpointAuthMethod: "client_secret_post",
  adoptId: adopt.oauthClientId,
});

export const userGroupId = readers.id;
export const ssoStatus = sso.verificationStatus;
export const clientId = app.clientId;
