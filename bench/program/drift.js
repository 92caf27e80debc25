// Dashboard-style edits to one object per unit: the same objects a new generation changes.

const { unitLayout, resourceName } = require("./layout");

/**
 * Edits one object per ten, as the dashboard would. Every edit must succeed (an edit that fails
 * would make the refresh that follows prove nothing). `exported` is `pulumi stack export` parsed;
 * `emulator` has baseUrl, adminUrl, accountId and token. Returns the Pulumi names of the edited
 * resources: what a refresh must then report as changed, and nothing else.
 */
exports.driftTenPercent = async function driftTenPercent(emulator, exported, n) {
  const ids = new Map(exported.deployment.resources.map((r) => [r.urn.split("::").pop(), r.id]));
  // The dashboard's edits count against the same rate limit: a 429 is waited out for its Retry-After.
  const send = async (method, path, body) => {
    for (;;) {
      const response = await fetch(`${emulator.baseUrl}/accounts/${emulator.accountId}${path}`, {
        method,
        headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status !== 429) return response;
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? 1) * 1000));
    }
  };
  const call = async (method, path, body) => {
    const response = await send(method, path, body);
    if (!response.ok) throw new Error(`the dashboard-style edit ${method} ${path} failed: HTTP ${response.status} ${await response.text()}`);
  };
  const members = async (groupId) => ((await (await send("GET", `/iam/user_groups/${groupId}/members`)).json()).result ?? []).map((m) => m.id);
  const edited = [];
  for (let unit = 0; unit < n / 10; unit++) {
    const object = unitLayout[unit % 10];
    const name = resourceName(unit, object);
    const id = ids.get(name);
    if (object.startsWith("rg")) await call("PUT", `/iam/resource_groups/${id}`, { name: "edited in the dashboard" });
    else if (object.startsWith("ug")) await call("PUT", `/iam/user_groups/${id}`, { name: `edited in the dashboard ${unit}` });
    else if (object.startsWith("members")) await call("DELETE", `/iam/user_groups/${id}/members/${(await members(id))[0]}`);
    else if (object === "sso") await call("PATCH", `/sso_connectors/${id}`, { use_fedramp_language: true });
    else await call("PATCH", `/oauth_clients/${id}`, { client_name: "edited in the dashboard" });
    edited.push(name);
  }
  return edited;
};
