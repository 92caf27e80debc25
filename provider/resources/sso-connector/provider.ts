import { defineResource } from "../../framework/define";
import { CreatedButIncomplete } from "../../framework/errors";
import { createdSince, createOnce } from "../common";
import { ssoApi as api } from "./api";
import { inputsSchema, type SSOConnectorInputs, type SSOConnectorOutputs, toOutputs } from "./schema";

const stateBody = (inputs: SSOConnectorInputs) => ({ enabled: inputs.enabled, use_fedramp_language: inputs.useFedrampLanguage });

/** `verificationStatus` moves on its own as DNS is checked: it is an output only, never a diff. */
export const ssoConnectorProvider = defineResource<SSOConnectorInputs, SSOConnectorOutputs>({
  label: "SSOConnector",
  schema: inputsSchema,
  fields: {
    accountId: { replace: true, stable: true },
    emailDomain: { replace: true, stable: true, canonical: (d?: string) => d?.toLowerCase() },
    enabled: { canonical: (v?: boolean) => v ?? false },
    useFedrampLanguage: { canonical: (v?: boolean) => v ?? false },
    // Only a create begins verification; it runs on by itself after that.
    beginVerification: { createOnly: true },
  },
  state: { version: 1 },

  async create({ client }, inputs) {
    const startedAt = Date.now();
    const body = { email_domain: inputs.emailDomain, begin_verification: inputs.beginVerification, use_fedramp_language: inputs.useFedrampLanguage };
    let connector = await createOnce(() => api.create(client, inputs.accountId, body), {
      subject: `SSO connector for ${inputs.emailDomain}`,
      candidates: async () =>
        (await api.list(client, inputs.accountId)).filter((c) => c.email_domain?.toLowerCase() === inputs.emailDomain && createdSince(c.created_on, startedAt)),
      idOf: (c) => c.id,
    });
    if (inputs.enabled) {
      try {
        connector = await api.update(client, inputs.accountId, connector.id, stateBody(inputs));
      } catch (error) {
        throw new CreatedButIncomplete(connector.id, toOutputs(inputs.accountId, inputs.beginVerification, connector), error);
      }
    }
    return { id: connector.id, outputs: toOutputs(inputs.accountId, inputs.beginVerification, connector) };
  },

  async read({ client }, id, previous) {
    return toOutputs(previous.accountId, previous.beginVerification ?? true, await api.get(client, previous.accountId, id));
  },

  async update({ client }, id, _olds, news) {
    return toOutputs(news.accountId, news.beginVerification, await api.update(client, news.accountId, id, stateBody(news)));
  },

  async delete({ client }, id, outputs) {
    await api.remove(client, outputs.accountId, id);
  },

  inputsOf: ({ accountId, emailDomain, enabled, useFedrampLanguage, beginVerification }) => ({
    accountId,
    emailDomain,
    enabled,
    useFedrampLanguage,
    beginVerification,
  }),
});
