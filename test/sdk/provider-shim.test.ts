/** What Pulumi writes into state as `__provider`: a tiny shim with no token, config or env in it. */
import * as pulumi from "@pulumi/pulumi";
import { configure, type ProviderKind, providers } from "../../provider";
import { PROVIDER_MODULE, providerShim } from "../../sdk/provider-shim";

const token = "serialization-test-token-5f2c9a";

beforeAll(() => {
  process.env.CLOUDFLARE_API_TOKEN = token;
  process.env.CLOUDFLARE_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";
  configure({ get: (key) => (key === "cloudflare-iam:apiToken" ? token : undefined) });
});

const kinds = Object.keys(providers) as ProviderKind[];

it.each(kinds)("serializes the %s provider without secrets or environment", async (kind) => {
  const { text } = await pulumi.runtime.serializeFunction(() => providerShim(kind), { allowSecrets: true });
  expect(text).toContain('require("pulumi-cloudflare-iam/provider")');
  expect(text).toContain(JSON.stringify(kind));
  expect(text).not.toContain(token);
  // The shim names its own package (npm also exports that name as npm_package_name); nothing else may match.
  const packageName = PROVIDER_MODULE.split("/")[0];
  const rest = text.split(packageName).join("");
  const leaked = Object.entries(process.env).filter(([, value]) => value && value.length >= 8 && rest.includes(value));
  expect(leaked).toEqual([]);
  expect(text.length).toBeLessThan(4000);
});

it("gives every kind one shared shim, so Pulumi serializes each kind once", () => {
  expect(providerShim("userGroup")).toBe(providerShim("userGroup"));
});
