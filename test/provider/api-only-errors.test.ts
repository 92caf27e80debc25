/** What only the API can know reaches the user as Cloudflare's own code and message, with the resource named. */
import { providers } from "../../provider";
import { failure, useProxiedProvider } from "../support/api-proxy";
import { useEmulator } from "../support/emulator";
import { created, useProviderConfig } from "../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);

it("an unknown resource group id in a policy", async () => {
  const attempt = created(providers.userGroup, {
    name: "g",
    policies: [{ access: "allow", permissionGroups: ["c8fed203ed3043cba015a93ad1616f1f"], resourceGroups: ["e".repeat(32)] }],
  });
  await expect(attempt).rejects.toThrow(/^UserGroup create failed: .*HTTP 400: \[1005\] unknown resource group e{32}/);
});

it("an unknown permission group id in a policy", async () => {
  const group = await created(providers.resourceGroup, { name: "rg", scope: { objects: [{ key: "k" }] } });
  const attempt = created(providers.userGroup, {
    name: "g",
    policies: [{ access: "allow", permissionGroups: ["f".repeat(32)], resourceGroups: [group.id] }],
  });
  await expect(attempt).rejects.toThrow(/\[1004\] unknown permission group f{32}/);
});

it("a member id that is not an account member", async () => {
  const group = await created(providers.userGroup, { name: "members" });
  const attempt = created(providers.userGroupMembers, { userGroupId: group.id, memberIds: ["a".repeat(32)] });
  // fact 33: InvalidMember is code 400.
  await expect(attempt).rejects.toThrow(/^UserGroupMembers create failed: .*\[400\] Invalid member: a{32} is not a member of this account.*Every member id must be/);
});

it("a scope that is not in the catalogue", async () => {
  const attempt = created(providers.oauthClient, {
    clientName: "c",
    grantTypes: ["authorization_code"],
    redirectUris: ["https://a.example.com/cb"],
    responseTypes: ["code"],
    scopes: ["zone.teleport"],
    tokenEndpointAuthMethod: "none",
  });
  await expect(attempt).rejects.toThrow(/^OAuthClient create failed: .*\[1007\] scope "zone.teleport" is not an available OAuth scope/);
});

it("errors carry no stack trace for the engine to print", async () => {
  const error: Error = await created(providers.userGroupMembers, { userGroupId: "b".repeat(32), memberIds: [] }).then(
    () => {
      throw new Error("expected the create to fail");
    },
    (e: Error) => e,
  );
  // fact 25: 404 with code 404, "User group ... not found"; checked with a GET of the group, it really is gone.
  expect(error.message).toMatch(/UserGroupMembers create failed: .*HTTP 404: \[404\] User group b{32} not found/);
  expect(error.stack).toBe("");
});

describe("refusals the emulator does not model", () => {
  const proxy = useProxiedProvider(emulator);

  it("fact 10: a refused permission and resource group combination, with Cloudflare's code and message", async () => {
    const group = await created(providers.resourceGroup, { name: "first listed", scope: { objects: [{ key: "k" }] } });
    proxy().script((r) => (r.method === "POST" && /\/iam\/user_groups$/.test(r.path) ? failure(400, 1006, "invalid permission group and resource group combination") : undefined));
    const attempt = created(providers.userGroup, {
      name: "combination",
      policies: [{ access: "allow", permissionGroups: ["c8fed203ed3043cba015a93ad1616f1f"], resourceGroups: [group.id] }],
    });
    await expect(attempt).rejects.toThrow(
      /^UserGroup create failed: Cloudflare API POST \S+ failed with HTTP 400: \[1006\] invalid permission group and resource group combination$/,
    );
  });
});
