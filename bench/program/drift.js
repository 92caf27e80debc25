// Dashboard-style edits to one object per unit: the same objects a new generation changes.
"use strict";
const { unitLayout, resourceName } = require("./layout");

/** `exported` is `pulumi stack export` parsed; `emulator` has baseUrl, adminUrl, accountId, token. */
exports.driftTenPercent = async function driftTenPercent(emulator, exported, n) {
  const ids = new Map(exported.deployment.resources.map((r) => [r.urn.split("::").pop(), r.id]));
  const call = (method, path, body) =>
    fetch(`${emulator.baseUrl}/accounts/${emulator.accountId}${path}`, {
      method,
      headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const account = await (await fetch(`${emulator.adminUrl}/state`)).json();
  let edits = 0;
  for (let unit = 0; unit < n / 10; unit++) {
    const object = unitLayout[unit % 10];
    const id = ids.get(resourceName(unit, object));
    if (object.startsWith("rg")) await call("PUT", `/iam/resource_groups/${id}`, { name: "edited in the dashboard" });
    else if (object.startsWith("ug")) await call("PUT", `/iam/user_groups/${id}`, { name: "edited in the dashboard" });
    else if (object.startsWith("members")) await call("DELETE", `/iam/user_groups/${id}/members/${Object.keys(account.userGroups[id].members)[0]}`);
    else if (object === "sso") await call("PATCH", `/sso_connectors/${id}`, { use_fedramp_language: true });
    else await call("PATCH", `/oauth_clients/${id}`, { client_name: "edited in the dashboard" });
    edits++;
  }
  return edits;
};
