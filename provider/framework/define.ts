/**
 * Turns a resource definition into a Pulumi dynamic ResourceProvider. The definition holds the
 * resource's own logic (schema, canonical forms, API calls); this file holds what every
 * resource shares: check, diff by canonical fields, read with `inputs`, idempotent delete,
 * adoption, and errors that name the resource's type.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { z } from "zod";
import { CloudflareClient, isNotFound } from "../client";
import { describeSetting, SETTINGS } from "../config";
import { apiClient, defaultAccountId } from "../runtime";
import { checkInputs, CheckFailure, Rule } from "./check";
import { CreatedButIncomplete, InitFailed, ProviderError } from "./errors";
import { containsUnknown } from "./unknown";
import { deepEqual, withoutUndefined } from "./values";

export interface FieldRule {
  /** A change replaces the object instead of updating it (always, or when the test says so). */
  replace?: boolean | ((previous: any, next: any) => boolean);
  /** The comparable form of the value, the same for inputs and outputs (sets sorted, defaults filled). */
  canonical?: (value: any) => unknown;
}

export interface Context {
  client: CloudflareClient;
}

export interface ResourceDefinition<Inputs extends { accountId: string }, Outputs extends { accountId: string }> {
  /** Used in messages: "user group". */
  label: string;
  schema: z.ZodType<Inputs, z.ZodTypeDef, unknown>;
  rules?: Rule<Inputs>[];
  /** The properties the user controls, compared by `diff`; anything else is server-owned. */
  fields: Record<string, FieldRule>;
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

/** Runs one provider method; its failure reaches the user as one explained line. */
async function step<T>(label: string, action: string, run: () => Promise<T>, hintFor?: (error: unknown) => Promise<string | undefined>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    const cause = error instanceof CreatedButIncomplete ? error.cause : error;
    const hint = cause instanceof ProviderError ? undefined : await hintFor?.(cause).catch(() => undefined);
    if (error instanceof CreatedButIncomplete) {
      throw new InitFailed(error.id, withoutUndefined(error.outputs), explain(label, `${action} of ${error.id}`, cause, hint).message);
    }
    throw explain(label, action, error, hint);
  }
}

function compareField(rule: FieldRule, value: unknown): unknown {
  return rule.canonical ? rule.canonical(value) : value;
}

function replacesOn(rule: FieldRule | undefined, olds: object, news: object, key: string): boolean {
  if (typeof rule?.replace !== "function") return rule?.replace === true;
  return rule.replace((olds as Record<string, unknown>)[key], (news as Record<string, unknown>)[key]);
}

/** The user-controlled fields whose canonical forms differ; an unknown value counts as a change. */
function changedFields(fields: Record<string, FieldRule>, olds: object, news: object): string[] {
  return Object.entries(fields)
    .filter(([key, rule]) => {
      const next = (news as Record<string, unknown>)[key];
      const previous = (olds as Record<string, unknown>)[key];
      return containsUnknown(next) || !deepEqual(compareField(rule, next), compareField(rule, previous));
    })
    .map(([key]) => key);
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
  const hints = (ctx: Context, subject: Inputs | Outputs) => (error: unknown) =>
    definition.explain?.(ctx, error, subject) ?? Promise.resolve(undefined);

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

    async diff(_id: string, olds: Outputs, news: Inputs) {
      const changed = [...changedFields(definition.fields, olds, news), ...(definition.extraChanges?.(olds, news) ?? [])];
      const replaces = changed.filter((key) => replacesOn(definition.fields[key], olds, news, key));
      if (changed.length && !replaces.length && !containsUnknown(news)) definition.validateChange?.(olds, news);
      return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
    },

    async create(inputs: Inputs) {
      const ctx = context();
      return step(
        label,
        "create",
        async () => {
          const made = inputs.adoptId ? await adopt(ctx, inputs.adoptId, inputs) : await definition.create(ctx, inputs);
          return { id: made.id, outs: withoutUndefined(made.outputs) };
        },
        hints(ctx, inputs),
      );
    },

    async read(id: string, props: Outputs) {
      const ctx = context();
      const previous = { ...props, accountId: props.accountId ?? defaultAccountId() };
      return step(
        label,
        `read of ${id}`,
        async () => {
          let current: Outputs | undefined;
          try {
            current = await definition.read(ctx, id, previous);
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
          if (!current) return { id: "", props: {} };
          const outputs = withoutUndefined(current);
          return { id, props: outputs, inputs: withoutUndefined(definition.inputsOf(outputs)) };
        },
        hints(ctx, previous),
      );
    },

    async update(id: string, olds: Outputs, news: Inputs) {
      const ctx = context();
      return step(label, `update of ${id}`, async () => ({ outs: withoutUndefined(await definition.update(ctx, id, olds, news)) }), hints(ctx, news));
    },

    async delete(id: string, outputs: Outputs) {
      const ctx = context();
      await step(
        label,
        `delete of ${id}`,
        async () => {
          try {
            await definition.delete(ctx, id, outputs);
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
    const changed = changedFields(definition.fields, existing, inputs);
    const fixed = changed.filter((key) => replacesOn(definition.fields[key], existing, inputs, key));
    if (fixed.length) {
      throw new ProviderError(
        `${label} adoption failed: ${adoptId} differs in ${fixed.join(", ")}, which cannot change in place; make the program match it`,
      );
    }
    const outputs = changed.length ? await definition.update(ctx, adoptId, existing, inputs) : existing;
    return { id: adoptId, outputs };
  }
}
