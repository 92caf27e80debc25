/** The emulator's audit log: who made each write, in the v2 and v1 shapes, as facts 100–125 describe. */
import { admin, useEmulator } from "../support/emulator";

const SCIM = { value: "scim-secret", id: "5c1a0000000000000000000000000001", name: "Okta SCIM Provisioning" };
const NO_SETTINGS = { value: "no-settings", name: "iam only", accountSettingsRead: false };
const emulator = useEmulator({ tokens: [SCIM, NO_SETTINGS] });

async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator().baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "user-agent": "audit-test" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { result: any; result_info?: any } };
}

const account = () => `/accounts/${emulator().accountId}`;
const window = () => `since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}&before=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
const v2 = async (query = "", token = emulator().token) => call(token, "GET", `${account()}/logs/audit?${window()}${query}`);

let groupId: string;
beforeAll(async () => {
  groupId = (await call(emulator().token, "POST", `${account()}/iam/user_groups`, { name: "audited" })).body.result.id;
  await call(emulator().token, "GET", `${account()}/iam/user_groups/${groupId}`);
  expect((await call(emulator().token, "POST", `${account()}/iam/user_groups`, { name: "audited" })).status).toBe(400);
  await call(SCIM.value, "PUT", `${account()}/iam/user_groups/${groupId}`, { name: "renamed by SCIM" });
  await admin(emulator(), "POST", "/dashboard", { actor: "alice@example.com", method: "PUT", path: `${account()}/iam/user_groups/${groupId}`, body: { name: "renamed by alice" } });
});

it("fact 113: records each successful write once, and no GET or refused write", async () => {
  const { body } = await v2("&direction=asc");
  expect(body.result.map((e: any) => [e.raw.method, e.raw.uri, e.action.type])).toEqual([
    ["POST", `${account()}/iam/user_groups`, "create"],
    ["PUT", `${account()}/iam/user_groups/${groupId}`, "update"],
    ["PUT", `${account()}/iam/user_groups/${groupId}`, "update"],
  ]);
});

it("records the actor: a token's id and name, an account token as the account, the dashboard's person as dash", async () => {
  const { body } = await v2("&direction=asc");
  const [created, scim, dash] = body.result.map((e: any) => e.actor);
  expect(created).toMatchObject({ context: "api_token", token_name: "local emulator token", type: "account" });
  expect(scim).toMatchObject({ context: "api_token", token_id: SCIM.id, token_name: SCIM.name, type: "account", email: null });
  expect(dash).toMatchObject({ context: "dash", email: "alice@example.com", token_id: null, type: "user" });
  expect(body.result[1].raw).toMatchObject({ user_agent: "audit-test", status_code: 200 });
  expect(body.result[1].raw.cf_ray_id).toMatch(/^[0-9a-f]{16}-EMU$/);
});

it("fact 101: pages on result_info.cursor, empty on the last page", async () => {
  const first = await v2("&limit=2");
  expect(first.body.result).toHaveLength(2);
  expect(first.body.result_info.cursor).not.toBe("");
  const second = await v2(`&limit=2&cursor=${first.body.result_info.cursor}`);
  expect(second.body.result).toHaveLength(1);
  expect(second.body.result_info).toEqual({ count: 1, cursor: "" });
});

it("fact 105: repeated bare keys are alternatives, .not keys exclusions", async () => {
  const either = await v2("&action_type=create&action_type=delete");
  expect(either.body.result.map((e: any) => e.action.type)).toEqual(["create"]);
  const notDash = await v2("&actor_context.not=dash&action_type=update");
  expect(notDash.body.result.map((e: any) => e.actor.token_name)).toEqual([SCIM.name]);
});

it("fact 100: since and before are required", async () => {
  expect((await call(emulator().token, "GET", `${account()}/logs/audit`)).status).toBe(400);
});

it("fact 122: v1 carries before and after values", async () => {
  const { body } = await call(emulator().token, "GET", `${account()}/audit_logs?actor.email=alice@example.com`);
  expect(body.result).toHaveLength(1);
  expect(body.result[0]).toMatchObject({ interface: "UI", oldValueJson: { name: "renamed by SCIM" }, newValueJson: { name: "renamed by alice" } });
});

it("fact 119: a token without Account Settings Read is refused the audit logs, and still reads IAM", async () => {
  expect((await v2("", NO_SETTINGS.value)).status).toBe(403);
  expect((await call(NO_SETTINGS.value, "GET", `${account()}/audit_logs`)).status).toBe(403);
  expect((await call(NO_SETTINGS.value, "GET", `${account()}/iam/user_groups`)).status).toBe(200);
});

it("answers GET /user/tokens/verify with the calling token's id", async () => {
  expect((await call(SCIM.value, "GET", "/user/tokens/verify")).body.result).toMatchObject({ id: SCIM.id, status: "active" });
});

it("fact 114: with an ingestion delay, an entry appears only once it has arrived", async () => {
  await admin(emulator(), "PUT", "/audit_log", { delayMs: 400 });
  try {
    await call(emulator().token, "DELETE", `${account()}/iam/user_groups/${groupId}`);
    expect((await v2("&action_type=delete")).body.result).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await v2("&action_type=delete")).body.result).toHaveLength(1);
  } finally {
    await admin(emulator(), "PUT", "/audit_log", { delayMs: 0 });
  }
});

it("adds tokens through the admin routes, listing them without their secrets", async () => {
  await admin(emulator(), "POST", "/tokens", { value: "added-secret", name: "added", email: "bob@example.com" });
  expect((await call("added-secret", "GET", "/user/tokens/verify")).status).toBe(200);
  const listed = await admin<{ name: string }[]>(emulator(), "GET", "/tokens");
  expect(listed.map((t) => t.name)).toContain("added");
  expect(JSON.stringify(listed)).not.toContain("secret");
});
