import * as pulumi from "@pulumi/pulumi";
import * as iam from "pulumi-cloudflare-iam";

const config = new pulumi.Config();
const zoneId = config.get("zoneId") ?? "023e105f4ecef8ad9ca31a8372d0c353";

// What the policy covers: one zone of the account.
const zone = new iam.ResourceGroup("production-zone", {
  name: "production zone",
  scope: { objects: [{ key: `com.cloudflare.api.account.zone.${zoneId}` }] },
});

// Permission groups are looked up by name, once per run.
const dnsWrite = iam.getPermissionGroupOutput({ name: "DNS Write" });
const zoneRead = iam.getPermissionGroupOutput({ name: "Zone Read" });

const sre = new iam.UserGroup("sre", {
  name: "SRE",
  policies: [{ access: "allow", permissionGroups: [dnsWrite.id, zoneRead.id], resourceGroups: [zone.id] }],
});

const members = config.getObject<string[]>("memberIds") ?? [];
new iam.UserGroupMembers("sre-members", { userGroupId: sre.id, memberIds: members });

export const userGroupId = sre.id;
export const policyIds = sre.policies.apply((policies) => policies.map((p) => p.id));
