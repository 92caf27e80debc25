/**
 * What every resource gets from defineResource, proved on a made-up "widget" kept in memory: no
 * API, so each test shows the shared behaviour alone (check, diff, adoption, read, delete, errors).
 */
import { z } from "zod";
import { AuthenticationError, NotFoundError, ValidationError } from "../../../provider/client";
import { defineResource, type ResourceDefinition } from "../../../provider/framework/define";
import { CreatedButIncomplete, InitFailed, ProviderError } from "../../../provider/framework/errors";
import { UNKNOWN } from "../../../provider/framework/unknown";
import { configure } from "../../../provider/runtime";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";

const schema = z.object({
  accountId: z.string().regex(/^[0-9a-f]{32}$/, "must be 32 hex digits"),
  name: z.string().min(1, "must not be empty"),
  size: z.number().optional(),
  tags: z.array(z.string()).default([]),
  adoptId: z.string().optional(),
});
type Inputs = z.infer<typeof schema>;
type Outputs = Omit<Inputs, "adoptId"> & { serial?: number };

const notFound = (path: string) => new NotFoundError(404, [{ code: 7003, message: "not found" }], { method: "GET", path });

/** A widget store and the calls made to it, with the definition's optional hooks left to each test. */
function widgets(hooks: Partial<ResourceDefinition<Inputs, Outputs>> = {}) {
  const store = new Map<string, Outputs>();
  const calls: string[] = [];
  const definition: ResourceDefinition<Inputs, Outputs> = {
    label: "widget",
    schema,
    fields: {
      accountId: { replace: true },
      name: {},
      tags: { canonical: (tags?: string[]) => [...(tags ?? [])].sort() },
      // Widgets grow in place and shrink only by replacement.
      size: { replace: (previous?: number, next?: number) => (next ?? 0) < (previous ?? 0) },
    },
    state: { version: 1 },
    async create(_ctx, { adoptId: _adopt, ...inputs }) {
      calls.push("create");
      const id = `w${store.size + 1}`;
      store.set(id, { ...inputs, serial: undefined });
      return { id, outputs: { ...inputs, serial: undefined } };
    },
    async read(_ctx, id) {
      calls.push(`read ${id}`);
      const found = store.get(id);
      if (!found) throw notFound(`/widgets/${id}`);
      return found;
    },
    async update(_ctx, id, _olds, { adoptId: _adopt, ...news }) {
      calls.push(`update ${id}`);
      store.set(id, news);
      return { ...news, serial: undefined };
    },
    async delete(_ctx, id) {
      calls.push(`delete ${id}`);
      if (!store.delete(id)) throw notFound(`/widgets/${id}`);
    },
    inputsOf: ({ serial: _serial, ...inputs }) => inputs,
    ...hooks,
  };
  return { provider: defineResource(definition), store, calls };
}

/** The error a call fails with; a call that succeeds fails the test. */
const failure = (call: Promise<unknown>): Promise<any> =>
  call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );

const withDefaultAccount = (accountId: string | undefined) => configure({ get: (key) => (key === "cloudflare-iam:accountId" ? accountId : undefined) });

beforeEach(() => {
  delete process.env.CLOUDFLARE_ACCOUNT_ID;
  withDefaultAccount(ACCOUNT);
});

describe("check", () => {
  it("drops the engine's __provider, fills the default account and leaves no undefined behind", async () => {
    const { provider } = widgets();
    const result = await provider.check!({}, { name: "a", size: undefined, __provider: "shim" });
    expect(result).toStrictEqual({ inputs: { accountId: ACCOUNT, name: "a", tags: [] }, failures: [] });
  });

  it("keeps an accountId the program sets over the default", async () => {
    const { provider } = widgets();
    expect((await provider.check!({}, { name: "a", accountId: OTHER_ACCOUNT })).inputs.accountId).toBe(OTHER_ACCOUNT);
  });

  it("without any account, names accountId and where to set it, and still reports every other failure", async () => {
    withDefaultAccount(undefined);
    const { provider } = widgets();
    const result = await provider.check!({}, { name: "", __provider: "shim" });
    expect(result.failures).toEqual([
      { property: "accountId", reason: expect.stringMatching(/^required: set accountId, or `cloudflare-iam:accountId` or the CLOUDFLARE_ACCOUNT_ID environment variable$/) },
      { property: "name", reason: "must not be empty" },
    ]);
    expect(result.inputs).toEqual({ name: "" });
  });

  it("runs the definition's cross-field rules on the parsed inputs", async () => {
    const { provider } = widgets({ rules: [(inputs) => (inputs.tags.length ? [] : [{ property: "tags", reason: "needs one tag" }])] });
    expect((await provider.check!({}, { name: "a" })).failures).toEqual([{ property: "tags", reason: "needs one tag" }]);
  });
});

describe("diff", () => {
  const olds: Outputs = { accountId: ACCOUNT, name: "a", size: 2, tags: ["x", "y"] };
  const news = (changes: Partial<Inputs>): Inputs => ({ accountId: ACCOUNT, name: "a", size: 2, tags: ["x", "y"], ...changes });

  it("compares canonical forms, so a set in another order is no change", async () => {
    const { provider } = widgets();
    expect(await provider.diff!("w1", olds, news({ tags: ["y", "x"] }))).toEqual({ changes: false, replaces: [], stables: [], deleteBeforeReplace: false });
  });

  it("updates in place what may change in place, replaces what may not", async () => {
    const { provider } = widgets();
    expect(await provider.diff!("w1", olds, news({ name: "b", size: 3 }))).toEqual({ changes: true, replaces: [], stables: [], deleteBeforeReplace: false });
    expect(await provider.diff!("w1", olds, news({ size: 1 }))).toEqual({ changes: true, replaces: ["size"], stables: [], deleteBeforeReplace: false });
    expect(await provider.diff!("w1", olds, news({ accountId: OTHER_ACCOUNT, name: "b" }))).toMatchObject({ replaces: ["accountId"] });
  });

  it("counts a value not yet known as a change, even where its canonical form shows none", async () => {
    // A canonical form that keeps only well-formed tags cannot see the unknown sentinel.
    const { provider } = widgets({ fields: { accountId: {}, name: {}, size: {}, tags: { canonical: (tags: string[]) => tags.filter((t) => /^[a-z]+$/.test(t)) } } });
    expect(await provider.diff!("w1", olds, news({ tags: ["x", "y", UNKNOWN] }))).toEqual({ changes: true, replaces: [], stables: [], deleteBeforeReplace: false });
  });

  it("counts the definition's extra changes, which replace nothing", async () => {
    const { provider } = widgets({ extraChanges: () => ["serial"] });
    expect(await provider.diff!("w1", olds, news({}))).toEqual({ changes: true, replaces: [], stables: [], deleteBeforeReplace: false });
  });

  it("refuses at preview an in-place update the definition cannot apply, and only such an update", async () => {
    const seen: Inputs[] = [];
    const { provider } = widgets({
      validateChange: (_olds, next) => {
        seen.push(next);
        throw new ProviderError("widget: a rename is not allowed");
      },
    });
    await expect(provider.diff!("w1", olds, news({ name: "b" }))).rejects.toThrow("widget: a rename is not allowed");
    // No change, a replacement, or a value not yet known: nothing to refuse yet.
    await provider.diff!("w1", olds, news({}));
    await provider.diff!("w1", olds, news({ size: 1, name: "b" }));
    await provider.diff!("w1", olds, news({ name: UNKNOWN }));
    expect(seen).toEqual([news({ name: "b" })]);
  });
});

describe("create, read, update and delete", () => {
  it("creates, and reports outputs without undefined", async () => {
    const { provider } = widgets();
    expect(await provider.create!({ accountId: ACCOUNT, name: "a", tags: [] })).toStrictEqual({ id: "w1", outs: { accountId: ACCOUNT, name: "a", tags: [], stateVersion: 1 } });
  });

  it("reads the object with the inputs that would make it, or as gone when it is not found", async () => {
    const { provider, store } = widgets();
    store.set("w1", { accountId: ACCOUNT, name: "a", tags: [], serial: 7 });
    expect(await provider.read!("w1", { accountId: ACCOUNT })).toStrictEqual({
      id: "w1",
      props: { accountId: ACCOUNT, name: "a", tags: [], serial: 7, stateVersion: 1 },
      inputs: { accountId: ACCOUNT, name: "a", tags: [] },
    });
    expect(await provider.read!("w2", { accountId: ACCOUNT })).toEqual({ id: "", props: {} });
  });

  it("reads as gone when the definition finds nothing", async () => {
    const { provider } = widgets({ read: async () => undefined });
    expect(await provider.read!("w1", { accountId: ACCOUNT })).toEqual({ id: "", props: {} });
  });

  it("reads old state that lacks accountId in the default account", async () => {
    const accounts: (string | undefined)[] = [];
    const { provider } = widgets({
      read: async (_ctx, _id, previous) => {
        accounts.push(previous.accountId);
        return undefined;
      },
    });
    await provider.read!("w1", { name: "a" });
    expect(accounts).toEqual([ACCOUNT]);
  });

  it("updates, and reports outputs without undefined", async () => {
    const { provider } = widgets();
    expect(await provider.update!("w1", { accountId: ACCOUNT, name: "a", tags: [] }, { accountId: ACCOUNT, name: "b", tags: [] })).toStrictEqual({
      outs: { accountId: ACCOUNT, name: "b", tags: [], stateVersion: 1 },
    });
  });

  it("deletes, and counts an object already gone as deleted", async () => {
    const { provider, store, calls } = widgets();
    store.set("w1", { accountId: ACCOUNT, name: "a", tags: [] });
    await provider.delete!("w1", { accountId: ACCOUNT });
    await provider.delete!("w1", { accountId: ACCOUNT });
    expect(calls).toEqual(["delete w1", "delete w1"]);
    expect(store.size).toBe(0);
  });
});

describe("failures reach the user as one line naming the resource, the step and the fix", () => {
  const broken = new Error("[1001] something refused");

  it.each([
    ["create", (p: any) => p.create({ accountId: ACCOUNT, name: "a", tags: [] }), "widget create failed"],
    ["read", (p: any) => p.read("w1", { accountId: ACCOUNT }), "widget read of w1 failed"],
    ["update", (p: any) => p.update("w1", { accountId: ACCOUNT }, { accountId: ACCOUNT, name: "b" }), "widget update of w1 failed"],
    ["delete", (p: any) => p.delete("w1", { accountId: ACCOUNT }), "widget delete of w1 failed"],
  ])("%s: Cloudflare's message, then the definition's explanation", async (_step, call, prefix) => {
    const subjects: unknown[] = [];
    const fail = async () => {
      throw broken;
    };
    const { provider } = widgets({
      create: fail,
      read: fail,
      update: fail,
      delete: fail,
      explain: async (_ctx, error, subject) => {
        subjects.push(subject);
        return error === broken ? "Do this instead" : undefined;
      },
    });
    const error = await failure(call(provider));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toBe(`${prefix}: [1001] something refused. Do this instead`);
    expect(error.stack).toBe("");
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatchObject({ accountId: ACCOUNT });
  });

  it("says nothing more when there is no explanation, or when explaining fails", async () => {
    const fail = async () => {
      throw broken;
    };
    const silent = widgets({ create: fail, explain: async () => undefined }).provider;
    expect((await failure(silent.create!({ accountId: ACCOUNT, name: "a" }))).message).toBe("widget create failed: [1001] something refused");
    const failing = widgets({
      create: fail,
      explain: async () => {
        throw new Error("explaining failed");
      },
    }).provider;
    expect((await failure(failing.create!({ accountId: ACCOUNT, name: "a" }))).message).toBe("widget create failed: [1001] something refused");
    const none = widgets({ create: fail }).provider;
    expect((await failure(none.create!({ accountId: ACCOUNT, name: "a" }))).message).toBe("widget create failed: [1001] something refused");
  });

  it("passes a ProviderError on untouched: it already speaks to the user", async () => {
    const own = new ProviderError("widget: already explained");
    const { provider } = widgets({
      create: async () => {
        throw own;
      },
      explain: async () => "never added",
    });
    expect(await failure(provider.create!({ accountId: ACCOUNT, name: "a" }))).toBe(own);
  });

  it("reports an object created but left incomplete, so the engine keeps it in state", async () => {
    const { provider } = widgets({
      create: async () => {
        throw new CreatedButIncomplete("w9", { accountId: ACCOUNT, name: "a", serial: undefined }, broken);
      },
      explain: async (_ctx, error) => (error === broken ? "Run up again" : undefined),
    });
    const error = await failure(provider.create!({ accountId: ACCOUNT, name: "a" }));
    expect(error).toBeInstanceOf(InitFailed);
    expect(error.id).toBe("w9");
    expect(error.properties).toStrictEqual({ accountId: ACCOUNT, name: "a", stateVersion: 1 });
    expect(error.reasons).toEqual(["widget create of w9 failed: [1001] something refused. Run up again"]);
  });

  it("adds no explanation to an incomplete create whose cause is already a ProviderError", async () => {
    const { provider } = widgets({
      create: async () => {
        throw new CreatedButIncomplete("w9", {}, new ProviderError("the members could not be added"));
      },
      explain: async () => "never added",
    });
    expect((await failure(provider.create!({ accountId: ACCOUNT, name: "a" }))).reasons).toEqual(["widget create of w9 failed: the members could not be added"]);
  });
});

describe("adoption (adoptId)", () => {
  const adopting = (changes: Partial<Inputs> = {}): Inputs => ({ accountId: ACCOUNT, name: "a", size: 2, tags: ["x"], adoptId: "w1", ...changes });
  const existing: Outputs = { accountId: ACCOUNT, name: "a", size: 2, tags: ["x"] };

  it("takes over an object that already matches without writing to it", async () => {
    const { provider, store, calls } = widgets();
    store.set("w1", existing);
    expect(await provider.create!(adopting())).toStrictEqual({ id: "w1", outs: { ...existing, stateVersion: 1 } });
    expect(calls).toEqual(["read w1"]);
  });

  it("updates in place what differs and may change in place", async () => {
    const { provider, store, calls } = widgets();
    store.set("w1", existing);
    expect((await provider.create!(adopting({ name: "b", size: 3 }))).outs).toMatchObject({ name: "b", size: 3 });
    expect(calls).toEqual(["read w1", "update w1"]);
  });

  it("refuses an id that does not exist, naming it and the account", async () => {
    const { provider, calls } = widgets();
    expect((await failure(provider.create!(adopting()))).message).toBe(`widget adoption failed: adoptId w1 does not exist in account ${ACCOUNT}`);
    const empty = widgets({ read: async () => undefined }).provider;
    expect((await failure(empty.create!(adopting()))).message).toBe(`widget adoption failed: adoptId w1 does not exist in account ${ACCOUNT}`);
    expect(calls).toEqual(["read w1"]);
  });

  it("refuses what the definition will not adopt, in its words", async () => {
    const { provider, store, calls } = widgets({ refuseAdoption: (found) => (found.name === "a" ? "w1 is a system widget" : undefined) });
    store.set("w1", existing);
    expect((await failure(provider.create!(adopting()))).message).toBe("widget adoption failed: w1 is a system widget");
    expect(calls).toEqual(["read w1"]);
  });

  it("refuses an object that differs in what cannot change in place, naming each such field", async () => {
    const { provider, store, calls } = widgets();
    store.set("w1", existing);
    const error = await failure(provider.create!(adopting({ size: 1, accountId: OTHER_ACCOUNT, name: "b" })));
    expect(error.message).toBe("widget adoption failed: w1 differs in accountId, size, which cannot change in place; make the program match it");
    expect(calls).toEqual(["read w1"]);
  });

  it("explains a read that fails for another reason than not found", async () => {
    const { provider } = widgets({
      read: async () => {
        throw new Error("[10000] Authentication error");
      },
    });
    expect((await failure(provider.create!(adopting()))).message).toBe("widget create failed: [10000] Authentication error");
  });
});

describe("token advice", () => {
  const request = { method: "GET", path: "/accounts/a/iam/user_groups" };
  const refusing = (error: Error) =>
    defineResource<{ accountId: string; adoptId?: string }, { accountId: string }>({
      label: "Thing",
      schema: z.object({ accountId: z.string(), adoptId: z.string().optional() }),
      fields: { accountId: { replace: true } },
      state: { version: 1 },
      create: async () => {
        throw error;
      },
      read: async () => undefined,
      update: async (_ctx, _id, olds) => olds,
      delete: async () => undefined,
      inputsOf: (outputs) => outputs,
    });

  it("a refused token is told where the provider reads it: the stack config, then the environment", async () => {
    const provider = refusing(new AuthenticationError(403, [{ code: 10000, message: "Authentication error" }], request));
    await expect(provider.create!({ accountId: "a" })).rejects.toThrow(
      /^Thing create failed: Cloudflare API GET \S+ failed with HTTP 403: \[10000\] Authentication error\. Check the API token: `cloudflare-iam:apiToken` \(or `cloudflare:apiToken`\) or the CLOUDFLARE_API_TOKEN environment variable$/,
    );
  });

  it("any other refusal gets no token advice", async () => {
    const provider = refusing(new ValidationError(400, [{ code: 1001, message: "bad" }], request));
    await expect(provider.create!({ accountId: "a" })).rejects.toThrow(/failed with HTTP 400: \[1001\] bad$/);
  });
});
