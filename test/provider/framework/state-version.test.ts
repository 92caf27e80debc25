import { z } from "zod";
import { defineResource } from "../../../provider/framework/define";

/** Version 1 of this kind stored `domain`; version 2 calls it `emailDomain`. */
interface Inputs {
  accountId: string;
  emailDomain: string;
  adoptId?: string;
}
interface Outputs {
  accountId: string;
  emailDomain: string;
  note?: string;
}

const seen: { method: string; olds: unknown }[] = [];
const provider = defineResource<Inputs, Outputs>({
  label: "Thing",
  schema: z.object({ accountId: z.string(), emailDomain: z.string(), adoptId: z.string().optional() }),
  fields: { accountId: { replace: true }, emailDomain: {} },
  state: {
    version: 2,
    migrate: (old, from) => {
      expect(from).toBe(1);
      return { accountId: String(old.accountId), emailDomain: String(old.domain) };
    },
  },
  create: async (_ctx, inputs) => ({ id: "x", outputs: { accountId: inputs.accountId, emailDomain: inputs.emailDomain, note: undefined } }),
  read: async (_ctx, _id, previous) => {
    seen.push({ method: "read", olds: previous });
    return { accountId: previous.accountId, emailDomain: previous.emailDomain };
  },
  update: async (_ctx, _id, olds, news) => {
    seen.push({ method: "update", olds });
    return { accountId: news.accountId, emailDomain: news.emailDomain };
  },
  delete: async (_ctx, _id, outputs) => void seen.push({ method: "delete", olds: outputs }),
  inputsOf: ({ accountId, emailDomain }) => ({ accountId, emailDomain }),
});

const account = "a".repeat(32);
/** State written before outputs carried a version: the shape of version 1. */
const unversioned = { accountId: account, domain: "example.com" };
const migrated = { accountId: account, emailDomain: "example.com" };
const inputs = { accountId: account, emailDomain: "example.com" };

beforeEach(() => (seen.length = 0));

it("stamps today's version on every output it hands the engine, with no undefined", async () => {
  const made = await provider.create!(inputs);
  expect(made.outs).toEqual({ ...inputs, stateVersion: 2 });
  expect(Object.keys(made.outs)).not.toContain("note");
});

it("upgrades old-shape state before read, diff, update and delete use it", async () => {
  const read = await provider.read!("x", unversioned);
  expect(seen[0]).toEqual({ method: "read", olds: migrated });
  expect(read.props).toEqual({ ...migrated, stateVersion: 2 });
  // Fed to diff unmigrated, `domain` would be a change of emailDomain.
  expect(await provider.diff!("x", unversioned, inputs)).toMatchObject({ changes: false });
  const updated = await provider.update!("x", unversioned, { ...inputs, emailDomain: "example.org" });
  expect(seen[1]).toEqual({ method: "update", olds: migrated });
  expect(updated.outs).toEqual({ accountId: account, emailDomain: "example.org", stateVersion: 2 });
  await provider.delete!("x", unversioned);
  expect(seen[2]).toEqual({ method: "delete", olds: migrated });
});

it("takes today's state as it is", async () => {
  await provider.read!("x", { ...migrated, stateVersion: 2 });
  expect(seen[0].olds).toEqual(migrated);
});

it("refuses state from a newer release, saying so", async () => {
  const future = { ...migrated, stateVersion: 3 };
  const refusal = /^Thing state was written by a newer pulumi-cloudflare-iam \(state version 3; this one reads up to 2\): upgrade the package$/;
  await expect(provider.diff!("x", future, inputs)).rejects.toThrow(refusal);
  await expect(provider.read!("x", future)).rejects.toThrow(refusal);
  await expect(provider.update!("x", future, inputs)).rejects.toThrow(refusal);
  expect(seen).toEqual([]);
});
