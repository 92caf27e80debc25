// A realistic mix, in units of ten objects: 2 resource groups, 3 user groups with 1-3 policies,
// 3 authoritative member sets of 5-50 members, 1 SSO connector and 1 OAuth client.
// Config: n (objects), memberIds (the account's members), generation: when above 0, one object
// per unit changes (a different kind in each unit), so a new generation updates 10% of the stack.
const pulumi = require("@pulumi/pulumi");
const iam = require("pulumi-cloudflare-iam");
const { unitLayout } = require("./layout");

const config = new pulumi.Config();
const n = config.requireNumber("n");
const generation = config.getNumber("generation") || 0;
const memberIds = config.requireObject("memberIds");
const permissionNames = ["DNS Write", "Zone Read", "Cache Purge Write", "Workers Scripts Write", "Billing Read", "Logs Read"];
const permissions = permissionNames.map((name) => iam.getPermissionGroupOutput({ name }).id);

for (let unit = 0; unit < n / 10; unit++) {
  const changed = (resource) => generation > 0 && unitLayout[unit % 10] === resource;
  const name = (resource, base) => (changed(resource) ? `${base} v${generation}` : base);
  const zones = [0, 1].map(
    (z) =>
      new iam.ResourceGroup(`rg-${unit}-${z}`, {
        name: name(`rg-${z}`, `zones ${unit}-${z}`),
        scope: { objects: [{ key: `com.cloudflare.api.account.zone.${unit}${z}` }] },
      }),
  );
  for (let g = 0; g < 3; g++) {
    const policies = Array.from({ length: 1 + ((unit + g) % 3) }, (_, p) => ({
      access: "allow",
      permissionGroups: [permissions[(unit + g + p) % permissions.length], permissions[(unit + p + 1) % permissions.length]],
      resourceGroups: [zones[(g + p) % 2].id],
    }));
    const group = new iam.UserGroup(`ug-${unit}-${g}`, { name: name(`ug-${g}`, `team ${unit}-${g}`), policies });
    const size = 5 + ((unit * 7 + g * 13) % 46);
    const start = (unit + g) % (memberIds.length - size + 1);
    const members = memberIds.slice(start, start + size);
    new iam.UserGroupMembers(`members-${unit}-${g}`, {
      userGroupId: group.id,
      memberIds: changed(`members-${g}`) ? members.slice(1) : members,
    });
  }
  new iam.SSOConnector(`sso-${unit}`, { emailDomain: `unit${unit}.example.com`, useFedrampLanguage: changed("sso") });
  new iam.OAuthClient(`oauth-${unit}`, {
    clientName: name("oauth", `client ${unit}`),
    grantTypes: ["authorization_code", "refresh_token"],
    redirectUris: [`https://app${unit}.example.com/callback`],
    responseTypes: ["code"],
    scopes: ["zone.read", "zone.dns.write"],
    tokenEndpointAuthMethod: "client_secret_basic",
  });
}
