/** Drives a dynamic provider the way the engine does (check, then CRUD) against an emulator. */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { RunningEmulator } from "../../emulator";
import { configure } from "../../provider";

type ApiTarget = Pick<RunningEmulator, "baseUrl" | "token" | "accountId">;

/** Points the provider at an emulator, or at anything that answers as one (an ApiProxy). */
export function configureFor(target: ApiTarget): void {
  const values: Record<string, string> = {
    "cloudflare-iam:apiToken": target.token,
    "cloudflare-iam:baseUrl": target.baseUrl,
    "cloudflare-iam:accountId": target.accountId,
  };
  configure({ get: (key) => values[key] });
}

export function useProviderConfig(target: () => ApiTarget): void {
  beforeAll(() => configureFor(target()));
}

/** check(), failing the test with the reported failures when there are any. */
export async function checked(provider: dynamic.ResourceProvider, news: object, olds: object = {}): Promise<any> {
  const result = await provider.check!(olds, news);
  if (result.failures?.length) throw new Error(`check failed: ${JSON.stringify(result.failures)}`);
  return result.inputs;
}

export async function created(provider: dynamic.ResourceProvider, news: object): Promise<{ id: string; outs: any; inputs: any }> {
  const inputs = await checked(provider, news);
  const result = await provider.create!(inputs);
  return { id: result.id, outs: result.outs, inputs };
}

export async function diffOf(provider: dynamic.ResourceProvider, id: string, olds: object, news: object) {
  return provider.diff!(id, olds, await checked(provider, news, olds));
}

export async function updated(provider: dynamic.ResourceProvider, id: string, olds: object, news: object): Promise<any> {
  return (await provider.update!(id, olds, await checked(provider, news, olds))).outs;
}

export function api(emulator: RunningEmulator) {
  return async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${emulator.baseUrl}/accounts/${emulator.accountId}${path}`, {
      method,
      headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const envelope = (await response.json()) as { success: boolean; result: T; errors: unknown };
    if (!envelope.success) throw new Error(`${method} ${path}: ${JSON.stringify(envelope.errors)}`);
    return envelope.result;
  };
}

/** fact 37: waits until a just-created group's /members answers, as any script against the real API must. */
export async function untilMembersVisible(emulator: RunningEmulator, groupId: string, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const response = await fetch(`${emulator.baseUrl}/accounts/${emulator.accountId}/iam/user_groups/${groupId}/members`, {
      headers: { authorization: `Bearer ${emulator.token}` },
    });
    if (response.status !== 404) return;
    if (Date.now() > deadline) throw new Error(`the members of user group ${groupId} still answer 404 after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface AdoptIds {
  resourceGroupId: string;
  userGroupId: string;
  ssoConnectorId: string;
  oauthClientId: string;
}

/** Makes one object of each adoptable kind directly in the account, as the dashboard would. */
export async function makeByHand(emulator: RunningEmulator, made: { name: string; zone: string; emailDomain: string; redirectUri: string; authMethod: string }): Promise<AdoptIds> {
  const call = api(emulator);
  const scope = { key: `com.cloudflare.api.account.${emulator.accountId}`, objects: [{ key: `com.cloudflare.api.account.zone.${made.zone}` }] };
  const rg = await call<{ id: string }>("POST", "/iam/resource_groups", { name: made.name, scope });
  const ug = await call<{ id: string }>("POST", "/iam/user_groups", { name: made.name, policies: [] });
  const sso = await call<{ id: string }>("POST", "/sso_connectors", { email_domain: made.emailDomain });
  const client = await call<{ client_id: string }>("POST", "/oauth_clients", {
    client_name: made.name,
    grant_types: ["authorization_code"],
    redirect_uris: [made.redirectUri],
    response_types: ["code"],
    scopes: ["zone.read"],
    token_endpoint_auth_method: made.authMethod,
  });
  return { resourceGroupId: rg.id, userGroupId: ug.id, ssoConnectorId: sso.id, oauthClientId: client.client_id };
}
