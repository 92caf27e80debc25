/** Bad input to the data sources fails with the argument or setting named, before any request. */
import * as pulumi from "@pulumi/pulumi";
import { getOAuthScopes, getPermissionGroup, getPermissionGroups } from "../../sdk";
import { resetStats, stats, useEmulator } from "../support/emulator";

const emulator = useEmulator();
const saved = { ...process.env };

beforeEach(() => {
  process.env.CLOUDFLARE_BASE_URL = emulator().baseUrl;
  process.env.CLOUDFLARE_API_TOKEN = emulator().token;
  process.env.CLOUDFLARE_ACCOUNT_ID = emulator().accountId;
});

afterAll(() => {
  process.env = saved;
});

it.each([
  ["an unknown permission group name", () => getPermissionGroup({ name: "DNS Writer" }), /no permission group has name "DNS Writer"/],
  ["neither name nor id", () => getPermissionGroup({}), /needs a name or an id/],
  ["an unknown permission group id", () => getPermissionGroup({ id: "0".repeat(32) }), /no permission group has id/],
  ["a malformed account id", () => getPermissionGroups({ accountId: "my-account" }), /accountId "my-account" must be a Cloudflare id/],
])("rejects %s", async (_, call, message) => {
  await expect(call()).rejects.toThrow(message);
});

it("says which setting to make when the account id is missing", async () => {
  delete process.env.CLOUDFLARE_ACCOUNT_ID;
  await expect(getPermissionGroups()).rejects.toThrow(/cloudflare-iam:accountId` or the CLOUDFLARE_ACCOUNT_ID/);
});

it("says which setting to make when the token is missing, and sends nothing", async () => {
  delete process.env.CLOUDFLARE_API_TOKEN;
  await resetStats(emulator());
  await expect(getOAuthScopes()).rejects.toThrow(/cloudflare-iam:apiToken.*cloudflare:apiToken.*CLOUDFLARE_API_TOKEN/);
  expect((await stats(emulator())).total).toBe(0);
});

it("refuses to send the token over plain http to another host", async () => {
  process.env.CLOUDFLARE_BASE_URL = "http://api.example.com/client/v4";
  await expect(getOAuthScopes()).rejects.toThrow(/refusing to send the API token to http:\/\/api\.example\.com/);
});

it("reports a wrong token with Cloudflare's code and the setting to fix, in one request", async () => {
  process.env.CLOUDFLARE_API_TOKEN = "wrong-token";
  await resetStats(emulator());
  const error = await getOAuthScopes().catch((e: Error) => e);
  expect(String(error)).toMatch(/HTTP 403: \[10000\] Authentication error.*cloudflare-iam:apiToken.*CLOUDFLARE_API_TOKEN/);
  // A RunError: Pulumi prints its message alone, with no stack trace or object dump.
  expect(error).toBeInstanceOf(pulumi.RunError);
  expect((await stats(emulator())).total).toBe(1);
});
