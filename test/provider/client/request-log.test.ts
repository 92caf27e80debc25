/** CLOUDFLARE_IAM_LOG=requests: one line per attempt on stderr, and never the token, a query or a body. */
import { z } from "zod";
import { CloudflareClient, requestLogFromEnvironment } from "../../../provider/client";
import { admin, useEmulator } from "../../support/emulator";

const emulator = useEmulator();
const secretToken = "secret-token-never-logged";
const secretBody = "secret-body-never-logged";

/** Runs `work` with the variable set as given, and returns what reached stderr. */
async function stderrOf(value: string | undefined, work: () => Promise<unknown>): Promise<string> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
  const before = process.env.CLOUDFLARE_IAM_LOG;
  if (value === undefined) delete process.env.CLOUDFLARE_IAM_LOG;
  else process.env.CLOUDFLARE_IAM_LOG = value;
  try {
    await work().catch(() => undefined);
  } finally {
    spy.mockRestore();
    if (before === undefined) delete process.env.CLOUDFLARE_IAM_LOG;
    else process.env.CLOUDFLARE_IAM_LOG = before;
  }
  return written.join("");
}

const client = (token = emulator().token) => new CloudflareClient({ baseUrl: emulator().baseUrl, token, sleep: async () => undefined });
beforeEach(() => admin(emulator(), "PUT", "/faults", { serverErrorRate: 0, rateLimitRate: 0 }));

const groups = () => `/accounts/${emulator().accountId}/iam/user_groups`;

it("logs method, path, status, attempt and the retry reason of every attempt", async () => {
  await admin(emulator(), "PUT", "/faults", { serverErrorRate: 1 });
  const log = await stderrOf("requests", () => client().get(groups(), z.unknown(), { name: "Finance" }));
  const lines = log.trim().split("\n");
  expect(lines).toHaveLength(6);
  expect(lines[0]).toMatch(new RegExp(`^cloudflare-iam: GET ${groups()} -> HTTP 5\\d\\d \\(attempt 1; retrying: HTTP 5\\d\\d\\)$`));
  expect(lines[5]).toMatch(/-> HTTP 5\d\d \(attempt 6\)$/);
  // The query carries names from the account or the program: left out.
  expect(log).not.toContain("Finance");
});

it("says a 429 is retried as rate limited, and logs the answer that ends it", async () => {
  await admin(emulator(), "PUT", "/faults", { rateLimitRate: 1, retryAfterSeconds: 0 });
  let calls = 0;
  const recovering = () =>
    new CloudflareClient({
      baseUrl: emulator().baseUrl,
      token: emulator().token,
      sleep: async () => {
        if (++calls === 1) await admin(emulator(), "PUT", "/faults", { rateLimitRate: 0 });
      },
    });
  // The client reads the variable when it is made.
  const log = await stderrOf("requests", () => recovering().get(groups(), z.unknown()));
  expect(log.trim().split("\n")).toEqual([
    `cloudflare-iam: GET ${groups()} -> HTTP 429 (attempt 1; retrying: rate limited)`,
    `cloudflare-iam: GET ${groups()} -> HTTP 200 (attempt 2)`,
  ]);
});

it("never logs the token or a body, refused or not", async () => {
  const refused = await stderrOf("requests", () => client(secretToken).post(groups(), { name: secretBody, policies: [] }, z.unknown()));
  expect(refused).toMatch(/-> HTTP 403 \(attempt 1\)/);
  const accepted = await stderrOf("requests", () => client().post(groups(), { name: secretBody, policies: [] }, z.unknown()));
  expect(accepted).toMatch(/POST \S+ -> HTTP 200 \(attempt 1\)/);
  for (const log of [refused, accepted]) {
    expect(log).not.toContain(secretToken);
    expect(log).not.toContain(secretBody);
    expect(log).not.toContain(emulator().token);
  }
});

it("is off unless asked for", async () => {
  expect(await stderrOf(undefined, () => client().get(groups(), z.unknown()))).toBe("");
  expect(await stderrOf("1", () => client().get(groups(), z.unknown()))).toBe("");
  expect(requestLogFromEnvironment({ CLOUDFLARE_IAM_LOG: "debug, requests" }, () => undefined)).toBeDefined();
});
