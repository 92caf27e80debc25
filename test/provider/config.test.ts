import { ConfigurationError, checkBaseUrl, DEFAULT_BASE_URL, resolveAccountId, resolveApiSettings } from "../../provider/config";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("resolveApiSettings", () => {
  const env = { CLOUDFLARE_API_TOKEN: "from-env", CLOUDFLARE_BASE_URL: "https://env.example.com/client/v4" };

  it("reads cloudflare-iam:*, then the cloudflare:* keys @pulumi/cloudflare shares, then the environment", () => {
    const own = { "cloudflare-iam:apiToken": "own", "cloudflare-iam:baseUrl": "http://127.0.0.1:1/client/v4" };
    const shared = { "cloudflare:apiToken": "shared", "cloudflare:baseUrl": "http://127.0.0.1:2/client/v4" };
    expect(resolveApiSettings(config({ ...own, ...shared }), env)).toEqual({ token: "own", baseUrl: "http://127.0.0.1:1/client/v4" });
    expect(resolveApiSettings(config(shared), env)).toEqual({ token: "shared", baseUrl: "http://127.0.0.1:2/client/v4" });
    expect(resolveApiSettings(config({}), env)).toEqual({ token: "from-env", baseUrl: "https://env.example.com/client/v4" });
  });

  it("falls back to the environment, then to the real API", () => {
    expect(resolveApiSettings(config({}), { CLOUDFLARE_API_TOKEN: "from-env" })).toEqual({
      token: "from-env",
      baseUrl: DEFAULT_BASE_URL,
    });
  });

  it("says which setting to make when there is no token", () => {
    expect(() => resolveApiSettings(config({}), {})).toThrow(
      /cloudflare-iam:apiToken <token>` \(or `cloudflare:apiToken`, shared with @pulumi\/cloudflare\), or the CLOUDFLARE_API_TOKEN/,
    );
  });
});

describe("checkBaseUrl", () => {
  it.each(["https://api.cloudflare.com/client/v4", "http://127.0.0.1:8787/client/v4", "http://localhost:1/x", "http://[::1]:2/x"])("accepts %s", (url) =>
    expect(checkBaseUrl(url)).toBe(url),
  );

  it.each(["http://api.example.com/client/v4", "http://10.0.0.5/client/v4", "ftp://127.0.0.1/x", "not a url"])("refuses to send the token to %s", (url) =>
    expect(() => checkBaseUrl(url)).toThrow(ConfigurationError),
  );

  it("explains the rule", () => {
    expect(() => checkBaseUrl("http://api.example.com")).toThrow(/must use https, or plain http only to a loopback address/);
  });
});

it("reads the account id from cloudflare-iam:accountId, the deprecated cloudflare:accountId, then the environment", () => {
  const env = { CLOUDFLARE_ACCOUNT_ID: "c" };
  expect(resolveAccountId(config({ "cloudflare-iam:accountId": "a", "cloudflare:accountId": "b" }), env)).toEqual({ accountId: "a", legacy: false });
  expect(resolveAccountId(config({ "cloudflare:accountId": "b" }), env)).toEqual({ accountId: "b", legacy: true });
  expect(resolveAccountId(config({}), env)).toEqual({ accountId: "c", legacy: false });
  expect(resolveAccountId(config({}), {})).toEqual({ accountId: undefined, legacy: false });
});
