// The provider's own cost per operation, in process: what a create costs beyond its HTTP round
// trip, and the one-off costs (serializing a provider, building the got client, zod parsing).
"use strict";
const pulumi = require("@pulumi/pulumi");
const { startEmulator } = require("../dist/emulator");
const { configure, providers } = require("../dist/provider");
const { CloudflareClient } = require("../dist/provider/client");
const { inputsSchema } = require("../dist/provider/resources/user-group/schema");
const { providerShim } = require("../dist/sdk/provider-shim");

const ITERATIONS = 300;

async function timePer(iterations, fn) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn(i);
  return Number(process.hrtime.bigint() - started) / 1e6 / iterations;
}

const ms = (value) => `${value.toFixed(3)} ms`;

exports.measureProviderOverhead = async function measureProviderOverhead() {
  const emulator = await startEmulator({ rateLimit: false });
  try {
    configure({ get: (key) => ({ "cloudflare-iam:apiToken": emulator.token, "cloudflare-iam:baseUrl": emulator.baseUrl })[key] });
    const path = `${emulator.baseUrl}/accounts/${emulator.accountId}/iam/resource_groups`;
    const body = (i) => ({ name: `raw ${i}`, scope: { key: `com.cloudflare.api.account.${emulator.accountId}`, objects: [{ key: `z${i}` }] } });
    const raw = await timePer(ITERATIONS, (i) =>
      fetch(path, { method: "POST", headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" }, body: JSON.stringify(body(i)) }).then((r) =>
        r.json(),
      ),
    );
    const provider = providers.resourceGroup;
    const viaProvider = await timePer(ITERATIONS, async (i) => {
      const { inputs } = await provider.check({}, { accountId: emulator.accountId, name: `provider ${i}`, scope: { objects: [{ key: `z${i}` }] } });
      await provider.create(inputs);
    });
    const firstSerialization = await timePer(1, () => pulumi.runtime.serializeFunction(() => providerShim("oauthClient"), { allowSecrets: true }));
    const serialization = await timePer(50, () => pulumi.runtime.serializeFunction(() => providerShim("userGroup"), { allowSecrets: true }));
    const clientSetup = await timePer(200, () => new CloudflareClient({ baseUrl: emulator.baseUrl, token: emulator.token }));
    const policy = { access: "allow", permissionGroups: ["a".repeat(32), "b".repeat(32)], resourceGroups: ["c".repeat(32)] };
    const zodParse = await timePer(2000, () =>
      inputsSchema.parse({ accountId: "d".repeat(32), name: "team", policies: [policy, { ...policy, permissionGroups: ["f".repeat(32)] }] }),
    );
    return {
      "raw HTTP create (fetch, no retry layer)": ms(raw),
      "provider check + create": ms(viaProvider),
      "provider overhead beyond the round trip": ms(viaProvider - raw),
      "serializing a provider shim, first time in a process": ms(firstSerialization),
      "serializing a provider shim again (uncached call)": ms(serialization),
      "per resource after the first of its kind": "0 (Pulumi caches serialization per provider object; one shim per kind)",
      "building a got client (once per process: cached)": ms(clientSetup),
      "zod parse of user group inputs (schemas built once, at load)": ms(zodParse),
    };
  } finally {
    await emulator.close();
  }
};
