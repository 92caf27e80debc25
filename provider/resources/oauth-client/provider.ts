import { type CloudflareClient, isNotFound } from "../../client";
import { defineResource } from "../../framework/define";
import { CreatedButIncomplete, ProviderError } from "../../framework/errors";
import { canonicalOf, type Fields } from "../../framework/fields";
import { deepEqual } from "../../framework/values";
import { createdSince, createOnce, idSet, mayHaveLanded } from "../common";
import { oauthClientsApi as api } from "./api";
import {
  type ApiClient,
  type ApiField,
  apiFields,
  canonicalScopes,
  clientRules,
  inputsSchema,
  type OAuthClientInputs,
  type OAuthClientOutputs,
  requestBody,
  toOutputs,
} from "./schema";

const asSet = { canonical: idSet };
const fields: Fields<OAuthClientInputs> = {
  accountId: { replace: true, stable: true },
  clientName: {},
  grantTypes: asSet,
  redirectUris: asSet,
  responseTypes: asSet,
  scopes: { canonical: canonicalScopes },
  tokenEndpointAuthMethod: {},
  allowedCorsOrigins: asSet,
  postLogoutRedirectUris: asSet,
  optionalScopes: asSet,
  clientUri: {},
  logoUri: {},
  policyUri: {},
  tosUri: {},
  // Cloudflare can promote a client to public but never demote it: going back is a new client.
  visibility: {
    canonical: (v?: string) => v ?? "private",
    replace: (previous?: string, next?: string) => previous === "public" && (next ?? "private") === "private",
  },
  secretVersion: { canonical: (v?: number) => v ?? 0 },
  deleteRotatedSecret: { canonical: (v?: boolean) => v ?? false },
};

const OPTIONAL_URIS: ApiField[] = ["clientUri", "logoUri", "policyUri", "tosUri"];

function changedApiFields(olds: OAuthClientOutputs, news: OAuthClientInputs): ApiField[] {
  return (Object.keys(apiFields) as ApiField[]).filter((field) => !deepEqual(canonicalOf(fields[field], news[field]), canonicalOf(fields[field], olds[field])));
}

/** The PATCH body: changed fields only, with `null` clearing an optional URI the program dropped. */
function patchBody(news: OAuthClientInputs, changed: ApiField[]) {
  const cleared = changed.filter((f) => OPTIONAL_URIS.includes(f) && news[f] === undefined);
  return { ...requestBody(news, changed), ...Object.fromEntries(cleared.map((f) => [apiFields[f], null])) };
}

const kept = (inputs: Pick<OAuthClientOutputs, "secretVersion" | "deleteRotatedSecret">, clientSecret: string) => ({
  clientSecret,
  secretVersion: inputs.secretVersion ?? 0,
  deleteRotatedSecret: inputs.deleteRotatedSecret ?? false,
});

/**
 * Issues a secret we know, retiring whatever secrets came before it (a lost create's, or a lost
 * rotation's). Repeats when a rotation's own answer is lost.
 */
async function freshSecret(client: CloudflareClient, accountId: string, id: string): Promise<string> {
  const retireRotated = () =>
    api.deleteRotatedSecret(client, accountId, id).catch((error) => {
      if (!isNotFound(error)) throw error;
    });
  for (let attempt = 1; ; attempt++) {
    try {
      await retireRotated();
      const { client_secret } = await api.rotateSecret(client, accountId, id);
      await retireRotated();
      return client_secret;
    } catch (error) {
      if (!mayHaveLanded(error) || attempt >= 3) throw error;
    }
  }
}

/** Clients made since the create began, with this name and these redirect URIs: the lost create. */
async function lostCreateCandidates(client: CloudflareClient, inputs: OAuthClientInputs, startedAt: number) {
  return (await api.list(client, inputs.accountId)).filter(
    (c) => c.client_name === inputs.clientName && deepEqual(idSet(c.redirect_uris), idSet(inputs.redirectUris)) && createdSince(c.created_at, startedAt),
  );
}

export const oauthClientProvider = defineResource<OAuthClientInputs, OAuthClientOutputs>({
  label: "OAuthClient",
  schema: inputsSchema,
  rules: clientRules,
  fields,
  state: { version: 1 },

  extraChanges: (olds, news) => (news.deleteRotatedSecret && olds.hasRotatedSecret ? ["hasRotatedSecret"] : []),

  validateChange(olds, news) {
    if ((news.secretVersion ?? 0) === (olds.secretVersion ?? 0)) return;
    if (news.deleteRotatedSecret) {
      throw new ProviderError(
        `OAuthClient ${olds.clientId}: set deleteRotatedSecret to false in the change that bumps secretVersion; the previous secret must stay valid until every consumer has moved to the new one`,
      );
    }
    if (olds.hasRotatedSecret) {
      throw new ProviderError(
        `OAuthClient ${olds.clientId} still has the secret its last rotation replaced; once consumers use the current secret, set deleteRotatedSecret: true and run pulumi up, then bump secretVersion`,
      );
    }
  },

  async create({ client }, inputs) {
    const startedAt = Date.now();
    let created: ApiClient = await createOnce(() => api.create(client, inputs.accountId, requestBody(inputs)), {
      subject: `OAuth client ${JSON.stringify(inputs.clientName)}`,
      candidates: () => lostCreateCandidates(client, inputs, startedAt),
      idOf: (c) => c.client_id,
    });
    let secret = created.client_secret ?? "";
    try {
      // The create's answer (the only copy of its secret) was lost: issue a new secret, retire the lost one.
      if (!secret) secret = await freshSecret(client, inputs.accountId, created.client_id);
      if (inputs.visibility === "public") {
        created = await api.update(client, inputs.accountId, created.client_id, { visibility: "public" });
      }
    } catch (error) {
      throw new CreatedButIncomplete(created.client_id, toOutputs(inputs.accountId, created, kept(inputs, secret)), error);
    }
    const outputs = toOutputs(inputs.accountId, created, kept(inputs, secret));
    return { id: created.client_id, outputs: { ...outputs, hasRotatedSecret: false } };
  },

  async read({ client }, id, previous) {
    const secret = "clientSecret" in previous ? previous.clientSecret : "";
    return toOutputs(previous.accountId, await api.get(client, previous.accountId, id), kept(previous, secret ?? ""));
  },

  async update({ client }, id, olds, news) {
    const changed = changedApiFields(olds, news);
    const promote = news.visibility === "public" && olds.visibility !== "public";
    const patched =
      changed.length || promote ? await api.update(client, news.accountId, id, { ...patchBody(news, changed), ...(promote ? { visibility: "public" } : {}) }) : undefined;
    let secret = olds.clientSecret;
    let hasRotatedSecret = patched?.has_rotated_secret ?? olds.hasRotatedSecret;
    if ((news.secretVersion ?? 0) !== (olds.secretVersion ?? 0)) {
      secret = (await api.rotateSecret(client, news.accountId, id)).client_secret;
      hasRotatedSecret = true;
    } else if (news.deleteRotatedSecret && hasRotatedSecret) {
      await api.deleteRotatedSecret(client, news.accountId, id).catch((error) => {
        if (!isNotFound(error)) throw error;
      });
      hasRotatedSecret = false;
    }
    const base = patched ? toOutputs(news.accountId, patched, kept(news, secret)) : { ...olds, ...kept(news, secret) };
    return { ...base, hasRotatedSecret };
  },

  async delete({ client }, id, outputs) {
    await api.remove(client, outputs.accountId, id);
  },

  inputsOf: (outputs) => {
    const {
      clientId: _id,
      clientSecret: _secret,
      hasRotatedSecret: _rotated,
      clientUriVerificationStatus: _s,
      clientUriVerificationText: _t,
      createdAt: _c,
      updatedAt: _u,
      ...inputs
    } = outputs;
    return inputs;
  },
});
