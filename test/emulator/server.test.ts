/** Emulator behaviour the SDK contract does not cover: persistence, the CLI, faults and counters. */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { admin, stats } from "../support/emulator";
import { api } from "../support/provider";

const createGroup = (baseUrl: string, accountId: string, token: string, name: string) =>
  fetch(`${baseUrl}/accounts/${accountId}/iam/user_groups`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name, policies: [] }),
  });

/** The base URL a started `cloudflare-iam-emulator` prints. */
const listening = (child: ChildProcessWithoutNullStreams) =>
  new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const found = /listening on (\S+)/.exec(chunk.toString());
      if (found) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });

it("persists the account to the state file, across a restart", async () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), "emulator-")), "state.json");
  const first = await startEmulator({ stateFile });
  expect((await createGroup(first.baseUrl, first.accountId, first.token, "kept")).status).toBe(200);
  await first.close();

  const second = await startEmulator({ stateFile });
  const state = await admin<{ userGroups: Record<string, { name: string }> }>(second, "GET", "/state");
  expect(Object.values(state.userGroups).map((g) => g.name)).toEqual(["kept"]);
  await second.close();
});

it("persists invites and their acceptance across a restart", async () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), "emulator-")), "state.json");
  const first = await startEmulator({ stateFile, rateLimit: false });
  const invited = await api(first)<{ id: string }>("POST", "/members", { email: "kept@example.net", roles: [] });
  await admin(first, "POST", `/account_members/${invited.id}/accept`);
  await first.close();

  const second = await startEmulator({ stateFile, rateLimit: false });
  try {
    expect(await api(second)("GET", `/members/${invited.id}`)).toMatchObject({ email: "kept@example.net", status: "accepted" });
  } finally {
    await second.close();
  }
});

it("runs as a command with a port, a token and a state file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-cli-"));
  const child = spawn(process.execPath, ["dist/emulator/cli.js", "--port", "0", "--token", "t0k3n", "--state", join(dir, "s.json")], {
    cwd: join(__dirname, "../.."),
  });
  try {
    const baseUrl = await listening(child);
    expect((await createGroup(baseUrl, "023e105f4ecef8ad9ca31a8372d0c353", "t0k3n", "via-cli")).status).toBe(200);
    expect((await createGroup(baseUrl, "023e105f4ecef8ad9ca31a8372d0c353", "other", "x")).status).toBe(403);
    expect((await createGroup(baseUrl, "ffffffffffffffffffffffffffffffff", "t0k3n", "x")).status).toBe(403);
  } finally {
    child.kill("SIGTERM");
  }
});

describe("a read-only token", () => {
  const call = (emulator: { baseUrl: string; accountId: string }, token: string, method: string, path: string) =>
    fetch(`${emulator.baseUrl}/accounts/${emulator.accountId}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: method === "GET" ? undefined : "{}",
    });

  it("reads, and every write is refused with 403 and code 10000, leaving the account as it was (fact 119)", async () => {
    const emulator = await startEmulator({ rateLimit: false, readOnlyToken: "read-only" });
    try {
      expect((await createGroup(emulator.baseUrl, emulator.accountId, emulator.token, "kept")).status).toBe(200);
      const groups = await call(emulator, "read-only", "GET", "/iam/user_groups");
      expect(groups.status).toBe(200);
      const [group] = ((await groups.json()) as { result: { id: string }[] }).result;
      for (const [method, path] of [
        ["POST", "/iam/user_groups"],
        ["PUT", `/iam/user_groups/${group.id}`],
        ["PATCH", "/sso_connectors/x"],
        ["DELETE", `/iam/user_groups/${group.id}`],
        ["POST", `/iam/user_groups/${group.id}/members`],
      ]) {
        const refused = await call(emulator, "read-only", method, path);
        expect([method, path, refused.status, ((await refused.json()) as { errors: unknown[] }).errors]).toEqual([
          method,
          path,
          403,
          [{ code: 10000, message: "Authentication error" }],
        ]);
      }
      const state = await admin<{ userGroups: Record<string, { name: string }> }>(emulator, "GET", "/state");
      expect(Object.values(state.userGroups).map((g) => g.name)).toEqual(["kept"]);
      expect((await call(emulator, "another", "GET", "/iam/user_groups")).status).toBe(403);
    } finally {
      await emulator.close();
    }
  });

  it("must differ from the token", async () => {
    await expect(startEmulator({ token: "same", readOnlyToken: "same" })).rejects.toThrow("readOnlyToken must be a token of its own");
  });

  it("is the command's --read-only-token", async () => {
    const child = spawn(process.execPath, ["dist/emulator/cli.js", "--port", "0", "--read-only-token", "r34d"], { cwd: join(__dirname, "../..") });
    try {
      const baseUrl = await listening(child);
      const emulator = { baseUrl, accountId: "023e105f4ecef8ad9ca31a8372d0c353" };
      expect((await call(emulator, "r34d", "GET", "/iam/user_groups")).status).toBe(200);
      expect((await createGroup(baseUrl, emulator.accountId, "r34d", "x")).status).toBe(403);
    } finally {
      child.kill("SIGTERM");
    }
  });
});

it("counts requests per method and route, and injects latency", async () => {
  const emulator = await startEmulator({ rateLimit: false, faults: { latencyMs: [150, 150] } });
  try {
    const started = Date.now();
    await createGroup(emulator.baseUrl, emulator.accountId, emulator.token, "slow");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const snapshot = await stats(emulator);
    expect(snapshot.byMethod).toEqual({ POST: 1 });
    expect(snapshot.byRoute).toEqual({ "POST /accounts/:account_id/iam/user_groups": 1 });
  } finally {
    await emulator.close();
  }
});

it("applies Cloudflare's 1200 requests per 5 minutes by default", async () => {
  const emulator = await startEmulator();
  try {
    expect(await admin(emulator, "GET", "/rate_limit")).toEqual({ limit: 1200, window_seconds: 300 });
  } finally {
    await emulator.close();
  }
});

it("counts answers per route and status: fact 37's 404s apart from the successes", async () => {
  const emulator = await startEmulator({ rateLimit: false, membersPropagationMs: 60_000 });
  try {
    const group = (await (await createGroup(emulator.baseUrl, emulator.accountId, emulator.token, "new")).json()) as { result: { id: string } };
    await fetch(`${emulator.baseUrl}/accounts/${emulator.accountId}/iam/user_groups/${group.result.id}/members`, {
      headers: { authorization: `Bearer ${emulator.token}` },
    });
    expect((await stats(emulator)).byRouteStatus).toEqual({
      "POST /accounts/:account_id/iam/user_groups 200": 1,
      "GET /accounts/:account_id/iam/user_groups/:user_group_id/members 404": 1,
    });
  } finally {
    await emulator.close();
  }
});
