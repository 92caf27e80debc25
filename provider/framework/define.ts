/**
 * Turns a resource definition into a Pulumi dynamic ResourceProvider. The definition holds the
 * resource's own logic (schema, canonical forms, API calls); this file holds what every
 * resource shares: check, diff by canonical fields, read with `inputs`, idempotent delete,
 * adoption, and errors that name the resource's type.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { z } from "zod";
import { AuthenticationError, type CloudflareClient, isNotFound } from "../client";
import { describeSetting, SETTINGS, TOKEN_ADVICE } from "../config";
import { apiClient, defaultAccountId } from "../runtime";
import { type CheckFailure, checkInputs, type Rule } from "./check";
import { CreatedButIncomplete, InitFailed, ProviderError } from "./errors";
import { changedFields, type FieldRule, type Fields, replacesOn, stableFields } from "./fields";
import { type StateShape, stamped, upgraded } from "./state-version";
import { containsUnknown } from "./unknown";
import { withoutUndefined } from "./values";

export interface Context {
  client: CloudflareClient;
}

export interface ResourceDefinition<Inputs extends { accountId: string }, Outputs extends { accountId: string }> {
  /** Used in messages: "user group". */
  label: string;
  schema: z.ZodType<Inputs, z.ZodTypeDef, unknown>;
  rules?: Rule<Inputs>[];
  /** Every property the user controls, compared by `diff`; anything else is server-owned. */
  fields: Fields<Inputs>;
  /** The shape of the outputs this release writes, and how older state is brought to it. */
  state: StateShape<Outputs>;
  create(ctx: Context, inputs: Inputs): Promise<{ id: string; outputs: Outputs }>;
  /**
   * The object as it is now, or undefined when it no longer exists. `previous` supplies what the
   * API never returns (a secret, input-only settings); on adoption it is the desired inputs.
   */
  read(ctx: Context, id: string, previous: Outputs | Inputs): Promise<Outputs | undefined>;
  update(ctx: Context, id: string, olds: Outputs, news: Inputs): Promise<Outputs>;
  delete(ctx: Context, id: string, outputs: Outputs): Promise<void>;
  /** The inputs that would produce `outputs`: what `read` reports as the refreshed inputs. */
  inputsOf(outputs: Outputs): Omit<Inputs, "adoptId">;
  /**
   * The inputs with what they name by name (a legacy role, say) replaced by ids, through the API:
   * before they are compared or sent. A value still unknown at preview is left as it is.
   */
  resolve?(ctx: Context, inputs: Inputs): Promise<Inputs>;
  /** Changes no single field shows, such as server state the inputs ask to clear. */
  extraChanges?(olds: Outputs, news: Inputs): string[];
  /** Refuses, at preview, a change that cannot be applied as asked (throws a ProviderError). */
  validateChange?(olds: Outputs, news: Inputs): void;
  /** Why an existing object may not be adopted (a system object, say), or undefined. */
  refuseAdoption?(existing: Outputs): string | undefined;
  /**
   * A sentence that explains a failure in the user's terms (a real-API quirk, what to do),
   * appended to Cloudflare's own code and message; `subject` is the inputs or the outputs.
   */
  explain?(ctx: Context, error: unknown, subject: Inputs | Outputs): Promise<string | undefined>;
}

const missingAccount = `required: set accountId, or ${describeSetting(SETTINGS.accountId)}`;

/** Prefixes an error with the resource type and keeps Cloudflare's codes in the message. */
function explain(label: string, action: string, error: unknown, hint?: string): ProviderError {
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(`${label} ${action} failed: ${message}${hint ? `. ${hint}` : ""}`);
}

/** A refused token's advice names where the provider reads it, which only the provider knows. */
const adviceFor = (error: unknown) => (error instanceof AuthenticationError ? TOKEN_ADVICE.stack : undefined);

/** Runs one provider method; its failure reaches the user as one explained line. */
async function step<T>(label: string, action: string, run: () => Promise<T>, hintFor?: (error: unknown) => Promise<string | undefined>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    const cause = error instanceof CreatedButIncomplete ? error.cause : error;
    const hint = cause instanceof ProviderError ? undefined : ((await hintFor?.(cause).catch(() => undefined)) ?? adviceFor(cause));
    if (error instanceof CreatedButIncomplete) {
      throw new InitFailed(error.id, withoutUndefined(error.outputs), explain(label, `${action} of ${error.id}`, cause, hint).message);
    }
    throw explain(label, action, error, hint);
  }
}

export function defineResource<Inputs extends { accountId: string; adoptId?: string }, Outputs extends { accountId: string }>(
  definition: ResourceDefinition<Inputs, Outputs>,
): dynamic.ResourceProvider {
  // The client is resolved on first use, inside a step, so a missing token is explained like any failure.
  const context = (): Context => ({
    get client() {
      return apiClient();
    },
  });
  const label = definition.label;
  const fields: Record<string, FieldRule> = definition.fields;
  /** What the engine is handed: today's state version, and no `undefined` anywhere. */
  const written = (outputs: Outputs) => withoutUndefined(stamped(outputs, definition.state));
  /** State from the engine, in today's shape before anything reads it. */
  const current = (state: Outputs) => upgraded(label, state, definition.state);
  const resolved = (ctx: Context, inputs: Inputs) => definition.resolve?.(ctx, inputs) ?? Promise.resolve(inputs);
  const hints = (ctx: Context, subject: Inputs | Outputs) => (error: unknown) => definition.explain?.(ctx, error, subject) ?? Promise.resolve(undefined);

  return {
    async check(_olds: Record<string, unknown>, withProvider: Record<string, unknown>) {
      // The engine's own `__provider` property is not an input of ours; it is put back after check.
      const { __provider: _provider, ...news } = withProvider;
      const accountId = news.accountId ?? defaultAccountId();
      if (accountId === undefined) {
        const failure: CheckFailure = { property: "accountId", reason: missingAccount };
        const { failures } = checkInputs(definition.schema, { ...news, accountId: "0".repeat(32) }, definition.rules);
        return { inputs: news, failures: [failure, ...failures] };
      }
      const { inputs, failures } = checkInputs(definition.schema, { ...news, accountId }, definition.rules);
      return { inputs: withoutUndefined(inputs), failures };
    },

    async diff(_id: string, state: Outputs, given: Inputs) {
      const olds = current(state);
      const news = await step(label, "diff", () => resolved(context(), given));
      const changed = [...changedFields(fields, olds, news), ...(definition.extraChanges?.(olds, news) ?? [])];
      const replaces = changed.filter((key) => replacesOn(fields[key], olds, news, key));
      if (changed.length && !replaces.length && !containsUnknown(news)) definition.validateChange?.(olds, news);
      // An update keeps the stable outputs; a replacement makes a new object, so it keeps none.
      const stables = replaces.length ? [] : stableFields(fields);
      return { changes: changed.length > 0, replaces, stables, deleteBeforeReplace: false };
    },

    async create(inputs: Inputs) {
      const ctx = context();
      return step(
        label,
        "create",
        async () => {
          const wanted = await resolved(ctx, inputs);
          const made = await (wanted.adoptId ? adopt(ctx, wanted.adoptId, wanted) : definition.create(ctx, wanted)).catch((error) => {
            // The half-made object's outputs go into state too: versioned like any other.
            throw error instanceof CreatedButIncomplete ? new CreatedButIncomplete(error.id, written(error.outputs as Outputs), error.cause) : error;
          });
          return { id: made.id, outs: written(made.outputs) };
        },
        hints(ctx, inputs),
      );
    },

    async read(id: string, props: Outputs) {
      const ctx = context();
      // `static get` reads with no state but the account: nothing to upgrade.
      const previous = { ...props, accountId: props.accountId ?? defaultAccountId() };
      return step(
        label,
        `read of ${id}`,
        async () => {
          let now: Outputs | undefined;
          try {
            now = await definition.read(ctx, id, current(previous));
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
          if (!now) return { id: "", props: {} };
          const outputs = written(now);
          return { id, props: outputs, inputs: withoutUndefined(definition.inputsOf(now)) };
        },
        hints(ctx, previous),
      );
    },

    async update(id: string, olds: Outputs, news: Inputs) {
      const ctx = context();
      return step(label, `update of ${id}`, async () => ({ outs: written(await definition.update(ctx, id, current(olds), await resolved(ctx, news))) }), hints(ctx, news));
    },

    async delete(id: string, outputs: Outputs) {
      const ctx = context();
      await step(
        label,
        `delete of ${id}`,
        async () => {
          try {
            await definition.delete(ctx, id, current(outputs));
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
        },
        hints(ctx, outputs),
      );
    },
  } as dynamic.ResourceProvider;

  /** Takes over an existing object: reads it, refuses what cannot be changed in place, updates the rest. */
  async function adopt(ctx: Context, adoptId: string, inputs: Inputs): Promise<{ id: string; outputs: Outputs }> {
    const existing = await definition.read(ctx, adoptId, inputs).catch((error) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!existing) throw new ProviderError(`${label} adoption failed: adoptId ${adoptId} does not exist in account ${inputs.accountId}`);
    const refusal = definition.refuseAdoption?.(existing);
    if (refusal) throw new ProviderError(`${label} adoption failed: ${refusal}`);
    const changed = changedFields(fields, existing, inputs);
    const fixed = changed.filter((key) => replacesOn(fields[key], existing, inputs, key));
    if (fixed.length) {
      throw new ProviderError(`${label} adoption failed: ${adoptId} differs in ${fixed.join(", ")}, which cannot change in place; make the program match it`);
    }
    const outputs = changed.length ? await definition.update(ctx, adoptId, existing, inputs) : existing;
    return { id: adoptId, outputs };
  }
}
