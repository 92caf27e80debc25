#!/usr/bin/env node
// The main job (`npm run demo`): deploy the root program against a local emulator, make a
// dashboard-style edit behind Pulumi's back, show `refresh` catching it and `up` undoing it,
// then clean up (unless --keep). scripts/demo.sh sets up the toolchain before this runs.
"use strict";
const { spawn } = require("node:child_process");
const { mkdirSync, rmSync } = require("node:fs");
const { join } = require("node:path");
const { startEmulator, accountMembers } = require("../dist/emulator");

const root = join(__dirname, "..");
const keep = process.argv.includes("--keep");
const stack = `demo-${Date.now().toString(36)}`;
const started = Date.now();
let stepNumber = 0;

function step(title) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n=== ${++stepNumber}/7 ${title}  [${seconds}s]`);
}

/** Runs pulumi with its output shown; resolves to the exit code. */
function pulumi(args, { quiet = false } = {}) {
  console.log(`$ pulumi ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--stack", stack, "--non-interactive"], {
      cwd: root,
      stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function mustPulumi(args, options) {
  const code = await pulumi(args, options);
  if (code !== 0) throw new Error(`pulumi ${args[0]} failed with exit code ${code}`);
}

function cloudflare(emulator) {
  return async (method, path, body) => {
    const response = await fetch(`${emulator.baseUrl}/accounts/${emulator.accountId}${path}`, {
      method,
      headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const envelope = await response.json();
    if (!envelope.success) throw new Error(`${method} ${path}: ${JSON.stringify(envelope.errors)}`);
    return envelope.result;
  };
}

async function main() {
  step("Toolchain: ready (scripts/setup.sh, cached)");
  console.log(`pulumi, pulumi-language-nodejs and node come from .tools/bin; backend ${process.env.PULUMI_BACKEND_URL}`);

  step("Starting the local Cloudflare IAM API emulator");
  const stateDir = join(root, ".emulator-state");
  mkdirSync(stateDir, { recursive: true });
  const stateFile = join(stateDir, `${stack}.json`);
  const emulator = await startEmulator({ port: 0, stateFile });
  console.log(`listening on ${emulator.baseUrl}, account ${emulator.accountId}, state file ${stateFile}`);
  const api = cloudflare(emulator);

  try {
    step(`pulumi up: stack ${stack} on the local backend`);
    await mustPulumi(["stack", "init"], { quiet: true });
    const settings = [
      ["cloudflare-iam:baseUrl", emulator.baseUrl],
      ["cloudflare-iam:accountId", emulator.accountId],
      ["memberIds", JSON.stringify(accountMembers.slice(0, 3).map((m) => m.id))],
    ];
    for (const [key, value] of settings) await mustPulumi(["config", "set", key, value], { quiet: true });
    await mustPulumi(["config", "set", "--secret", "cloudflare-iam:apiToken", emulator.token], { quiet: true });
    await mustPulumi(["up", "--yes", "--skip-preview"]);

    step("Stack outputs (the OAuth client secret is a Pulumi secret)");
    await mustPulumi(["stack", "output"]);

    step("Out-of-band change, as a dashboard edit would make it");
    const groupId = (await readOutputs()).userGroupId;
    const group = await api("GET", `/iam/user_groups/${groupId}`);
    const members = await api("GET", `/iam/user_groups/${groupId}/members`);
    const extraPolicy = {
      access: "allow",
      permission_groups: [{ id: "82e64a83756745bbbb1c9c2701bf816b" }],
      resource_groups: group.policies[0].resource_groups.map(({ id }) => ({ id })),
    };
    // Policies go back without their ids: Cloudflare refuses re-sent policy ids (fact 22).
    const unchanged = group.policies.map((p) => ({
      access: p.access,
      permission_groups: p.permission_groups.map(({ id }) => ({ id })),
      resource_groups: p.resource_groups.map(({ id }) => ({ id })),
    }));
    await api("PUT", `/iam/user_groups/${groupId}`, { name: `${group.name} (edited in the dashboard)`, policies: [...unchanged, extraPolicy] });
    await api("DELETE", `/iam/user_groups/${groupId}/members/${members[0].id}`);
    console.log(`renamed the group to "${group.name} (edited in the dashboard)"`);
    console.log(`removed member ${members[0].email}`);
    console.log("added a policy granting Magic Network Monitoring");

    step("pulumi refresh detects the drift, pulumi up puts it back");
    const driftCheck = await pulumi(["preview", "--refresh", "--expect-no-changes"], { quiet: true });
    console.log(`drift check (preview --refresh --expect-no-changes) exit code: ${driftCheck} ${driftCheck ? "(drift found)" : "(no drift?!)"}`);
    if (driftCheck === 0) throw new Error("the drift check did not see the out-of-band change");
    await mustPulumi(["refresh", "--yes", "--skip-preview", "--diff"]);
    await mustPulumi(["up", "--yes", "--skip-preview", "--diff"]);
    const after = await api("GET", `/iam/user_groups/${groupId}`);
    const memberCount = (await api("GET", `/iam/user_groups/${groupId}/members`)).length;
    console.log(`the account again matches the program: name "${after.name}", ${after.policies.length} policies, ${memberCount} members`);
    const settled = await pulumi(["preview", "--refresh", "--expect-no-changes"], { quiet: true });
    console.log(`drift check exit code: ${settled} ${settled ? "(still drifting!)" : "(in sync)"}`);
    if (settled !== 0) throw new Error("the stack still differs from the account after pulumi up");

    step(keep ? "Keeping the stack and emulator state (--keep)" : "Cleaning up: destroy, remove the stack, stop the emulator");
    if (keep) {
      console.log(`stack ${stack} kept; state file ${stateFile}. The emulator stops with this script:`);
      console.log(`restart it with: npx cloudflare-iam-emulator --port ${emulator.port} --state ${stateFile}`);
    } else {
      await mustPulumi(["destroy", "--yes", "--skip-preview"]);
      await mustPulumi(["stack", "rm", "--yes"], { quiet: true });
      const left = await (await fetch(`${emulator.adminUrl}/state`)).json();
      // Cloudflare's own system resource group (fact 9) is in every account, before and after.
      const ownGroups = Object.values(left.resourceGroups).filter((g) => g.meta.editable !== "false");
      const leftovers = [ownGroups, ...["userGroups", "ssoConnectors", "oauthClients"].map((kind) => Object.keys(left[kind]))].reduce((n, l) => n + l.length, 0);
      console.log(`objects left in the emulated account, besides Cloudflare's own system resource group: ${leftovers}`);
      rmSync(stateFile, { force: true });
    }
  } finally {
    await emulator.close();
  }
  console.log(`\ndemo finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

async function readOutputs() {
  return new Promise((resolve, reject) => {
    let text = "";
    const child = spawn("pulumi", ["stack", "output", "--json", "--stack", stack], { cwd: root });
    child.stdout.on("data", (chunk) => (text += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`stack output exited ${code}`))));
  });
}

main().catch((error) => {
  console.error(`\ndemo failed: ${error.message}`);
  process.exit(1);
});
