/**
 * Creating a resource group so that a lost answer can be recovered without a duplicate, at one
 * POST per group. fact 9: names are not unique and groups carry no creation time, so a group
 * found after a lost answer is this create's only if it did not exist before the create began
 * and is not another create's. What this process knows decides that: a list of the account's
 * groups taken before the create (one per process and account, taken again once it is a minute
 * old) and every id this process has created. docs/design.md has the reasoning.
 */
import type { CloudflareClient } from "../../client";
import { oncePerAccount } from "../../client/once";
import { deepEqual } from "../../framework/values";
import { createOnce } from "../common";
import { resourceGroupsApi as api } from "./api";
import { type ApiResourceGroup, canonicalScope, type ResourceGroupInputs } from "./schema";

/**
 * How old a list of the account's groups may be when a create begins. A group someone else
 * makes after the list, identical to one whose create lost its answer, cannot be told from it:
 * this bounds that window, at one list a minute however many groups a run creates.
 */
export const SNAPSHOT_MAX_AGE_MS = 60_000;

/**
 * The ids of the account's groups, listed at most a minute ago and before this create began: a
 * recovery never takes one.
 */
const existedBefore = oncePerAccount(async (client: CloudflareClient, accountId: string) => new Set((await api.list(client, accountId)).map((g) => g.id)), SNAPSHOT_MAX_AGE_MS);

/** Every group this process created (answered or recovered): another create's, never taken. */
const createdHere = new Set<string>();

/** Creates with the same name and scope, one at a time, so that no recovery sees another's group before its answer. */
const turns = new Map<string, Promise<unknown>>();

async function inTurn<T>(key: string, run: () => Promise<T>): Promise<T> {
  const mine = (turns.get(key) ?? Promise.resolve()).then(run);
  const settled = mine.catch(() => undefined);
  turns.set(key, settled);
  void settled.then(() => turns.get(key) === settled && turns.delete(key));
  return mine;
}

export async function createResourceGroup(client: CloudflareClient, inputs: ResourceGroupInputs): Promise<ApiResourceGroup> {
  const before = await existedBefore(client, inputs.accountId);
  const key = JSON.stringify([inputs.accountId, inputs.name, inputs.scope]);
  return inTurn(key, async () => {
    const created = await createOnce(() => api.create(client, inputs), {
      subject: `resource group ${JSON.stringify(inputs.name)}`,
      candidates: async () =>
        (await api.listNamed(client, inputs.accountId, inputs.name)).filter((g) => !before.has(g.id) && !createdHere.has(g.id) && deepEqual(canonicalScope(g.scope), inputs.scope)),
      idOf: (g) => g.id,
    });
    createdHere.add(created.id);
    return created;
  });
}
