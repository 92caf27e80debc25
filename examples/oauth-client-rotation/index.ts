import * as pulumi from "@pulumi/pulumi";
import * as iam from "pulumi-cloudflare-iam";

const config = new pulumi.Config();

const client = new iam.OAuthClient("ci-deployer", {
  clientName: "CI deployer",
  grantTypes: ["authorization_code", "refresh_token"],
  redirectUris: ["https://ci.example.com/oauth/callback"],
  responseTypes: ["code"],
  scopes: ["zone.read", "zone.dns.write"],
  tokenEndpointAuthMethod: "client_secret_basic",
  // Step 1: bump to rotate. The previous secret keeps working.
  secretVersion: config.getNumber("secretVersion") ?? 0,
  // Step 3: once every consumer uses the new secret, retire the previous one.
  deleteRotatedSecret: config.getBoolean("deleteRotatedSecret") ?? false,
});

export const clientId = client.clientId;
// Step 2: consumers read the current secret from here (or a secret store fed from it).
export const clientSecret = client.clientSecret;
export const previousSecretStillValid = client.hasRotatedSecret;
