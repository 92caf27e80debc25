import { z } from "zod";
import { optional, serverString } from "../../client";
import { accountId, cloudflareId } from "../common";

/** A bare domain: what the email addresses of the connector's users end in. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const inputsSchema = z
  .object({
    accountId,
    emailDomain: z
      .string()
      .transform((d) => d.trim().toLowerCase())
      .pipe(z.string().regex(DOMAIN, "must be a bare domain such as example.com: no scheme, path, port or @")),
    enabled: z.boolean().default(false),
    useFedrampLanguage: z.boolean().default(false),
    beginVerification: z.boolean().default(true),
    adoptId: cloudflareId.optional(),
  })
  .strict();

export type SSOConnectorInputs = z.output<typeof inputsSchema>;

export interface SSOConnectorOutputs {
  accountId: string;
  emailDomain: string;
  enabled: boolean;
  useFedrampLanguage: boolean;
  beginVerification: boolean;
  /** The TXT record value that proves ownership of the domain. */
  verificationCode: string;
  verificationStatus: string;
  createdOn: string;
  updatedOn: string;
}

/** fact 43: every field but the id may be null or missing; `verification` is `{code, status}`. */
export const apiConnector = z.object({
  id: z.string(),
  email_domain: optional(z.string()),
  enabled: optional(z.boolean()),
  use_fedramp_language: optional(z.boolean()),
  created_on: optional(z.string()),
  updated_on: optional(z.string()),
  verification: optional(z.object({ code: optional(z.string()), status: serverString })),
});
export type ApiConnector = z.infer<typeof apiConnector>;

export function toOutputs(accountId: string, beginVerification: boolean, api: ApiConnector): SSOConnectorOutputs {
  return {
    accountId,
    emailDomain: (api.email_domain ?? "").toLowerCase(),
    enabled: api.enabled ?? false,
    useFedrampLanguage: api.use_fedramp_language ?? false,
    beginVerification,
    verificationCode: api.verification?.code ?? "",
    verificationStatus: api.verification?.status ?? "",
    createdOn: api.created_on ?? "",
    updatedOn: api.updated_on ?? "",
  };
}
