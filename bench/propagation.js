// fact 37, measured in process: what a new user group's member set costs in requests and seconds
// when its group's members answer 404 for `delay` ms after the create, as the engine runs them
// (the group, then at once its members), for several groups one after another in one provider
// process. Each delay runs in a child process of its own: a fresh provider process, which has
// learned nothing yet.
"use strict";
const { execFile } = require("node:child_process");
const { promisify } = require("node:util");

const MEMBER_SETS = 5;
const MEMBERS = "PUT /accounts/:account_id/iam/user_groups/:user_group_id/members";
const GROUP = "GET /accounts/:account_id/iam/user_groups/:user_group_id";

async function measureOne(delayMs) {
  const { startEmulator, accountMembers } = require("../dist/emulator");
  const { configure, providers } = require("../dist/provider");
  const emulator = await startEmulator({ rateLimit: false, membersPropagationMs: delayMs });
  const stats = async (method) => (await fetch(`${emulator.adminUrl}/stats`, { method })).json();
  try {
    const values = { "cloudflare-iam:apiToken": emulator.token, "cloudflare-iam:baseUrl": emulator.baseUrl, "cloudflare-iam:accountId": emulator.accountId };
    configure({ get: (key) => values[key] });
    const sets = [];
    for (let i = 0; i < MEMBER_SETS; i++) {
      const group = await providers.userGroup.create((await providers.userGroup.check({}, { name: `team ${i}`, policies: [] })).inputs);
      await stats("DELETE");
      const started = process.hrtime.bigint();
      const { inputs } = await providers.userGroupMembers.check({}, { userGroupId: group.id, memberIds: accountMembers.slice(0, 5).map((m) => m.id) });
      await providers.userGroupMembers.create(inputs);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const { byRoute } = await stats("GET");
      sets.push({ requests: (byRoute[MEMBERS] ?? 0) + (byRoute[GROUP] ?? 0), seconds });
    }
    return sets;
  } finally {
    await emulator.close();
  }
}

/** Per delay: the requests and seconds of the first member set, and the average of the later ones. */
exports.measurePropagation = async function measurePropagation(delays = [1000, 5000]) {
  const run = promisify(execFile);
  const rows = [];
  for (const delay of delays) {
    const { stdout } = await run(process.execPath, [__filename, String(delay)]);
    const sets = JSON.parse(stdout);
    const later = sets.slice(1);
    const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
    rows.push({
      delay_ms: delay,
      member_sets: sets.length,
      first_requests: sets[0].requests,
      first_seconds: Math.round(sets[0].seconds * 100) / 100,
      later_requests_per_set: Math.round(mean(later.map((s) => s.requests)) * 100) / 100,
      later_seconds_per_set: Math.round(mean(later.map((s) => s.seconds)) * 100) / 100,
    });
  }
  return rows;
};

if (require.main === module) {
  measureOne(Number(process.argv[2])).then(
    (sets) => process.stdout.write(JSON.stringify(sets)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
