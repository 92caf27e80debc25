import { checkBaseUrl, ConfigurationError, DEFAULT_BASE_URL, resolveAccountId, resolveApiSettings } from "../../provider/config";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

describe("resolveApiSettings", () => {
  it("prefers stack config to the environment", () => {
    const settings = resolveApiSettings(
      config({ "cloudflare:apiToken": "from-config", "cloudflare:baseUrl": "http://127.0.0.1:9/client/v4" }),
      { CLOUDFLARE_API_TOKEN: "from-env", CLOUDFLARE_BASE_URL: "https://env.example.com/client/v4" },
    );
    expect(settings).toEqual({ token: "from-config", baseUrl: "http://127.0.0.1:9/client/v4" });
  });

  it("falls back to the environment, then to the real API", () => {
    expect(resolveApiSettings(config({}), { CLOUDFLARE_API_TOKEN: "from-env" })).toEqual({
      token: "from-env",
      baseUrl: DEFAULT_BASE_URL,
    });
  });

  it("says which setting to make when there is no token", () => {
    expect(() => resolveApiSettings(config({}), {})).toThrow(/cloudflare:apiToken.*CLOUDFLARE_API_TOKEN/);
  });
});

describe("checkBaseUrl", () => {
  it.each(["https://api.cloudflare.com/client/v4", "http://127.0.0.1:8787/client/v4", "http://localhost:1/x", "http://[::1]:2/x"])(
    "accepts %s",
    (url) => expect(checkBaseUrl(url)).toBe(url),
  );

  it.each(["http://api.example.com/client/v4", "http://10.0.0.5/client/v4", "ftp://127.0.0.1/x", "not a url"])(
    "refuses to send the token to %s",
    (url) => expect(() => checkBaseUrl(url)).toThrow(ConfigurationError),
  );

  it("explains the rule", () => {
    expect(() => checkBaseUrl("http://api.example.com")).toThrow(/must use https, or plain http only to a loopback address/);
  });
});

it("reads the account id from config, then the environment", () => {
  expect(resolveAccountId(config({ "cloudflare:accountId": "a" }), { CLOUDFLARE_ACCOUNT_ID: "b" })).toBe("a");
  expect(resolveAccountId(config({}), { CLOUDFLARE_ACCOUNT_ID: "b" })).toBe("b");
  expect(resolveAccountId(config({}), {})).toBeUndefined();
});
