import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import * as iam from "pulumi-cloudflare-iam";

const config = new pulumi.Config();
const emailDomain = config.require("emailDomain"); // e.g. corp.example.com
const zoneId = config.require("zoneId"); // the Cloudflare zone that serves emailDomain

// Creating the connector starts DNS verification; its code must appear as a TXT record.
const sso = new iam.SSOConnector("corp-sso", {
  emailDomain,
  useFedrampLanguage: false,
  // Turn this on once verificationStatus reads "verified".
  enabled: config.getBoolean("enableSso") ?? false,
});

const verification = new cloudflare.DnsRecord("corp-sso-verification", {
  zoneId,
  name: emailDomain,
  type: "TXT",
  content: sso.verificationCode,
  ttl: 300,
  comment: "Cloudflare dashboard SSO verification (managed by Pulumi)",
});

export const verificationRecordId = verification.id;
// Moves from pending to verified on its own once Cloudflare sees the record; never a diff.
export const verificationStatus = sso.verificationStatus;
