/** What every resource class shares: its type token, its inputs, and its output placeholders. */
import * as pulumi from "@pulumi/pulumi";
import type { ProviderKind } from "../provider";
import { programAccountId } from "./settings";
import { providerShim } from "./provider-shim";

/** Types read `pulumi-nodejs:dynamic/cloudflare-iam:UserGroup` in previews and state. */
export const MODULE = "cloudflare-iam";

export abstract class IamResource extends pulumi.dynamic.Resource {
  protected constructor(
    kind: ProviderKind,
    type: string,
    name: string,
    args: object,
    outputNames: readonly string[],
    opts?: pulumi.CustomResourceOptions,
  ) {
    const placeholders = Object.fromEntries(outputNames.map((key) => [key, undefined]));
    const accountId = (args as { accountId?: pulumi.Input<string> }).accountId ?? programAccountId();
    super(providerShim(kind), name, { ...placeholders, ...args, accountId }, opts, MODULE, type);
  }
}
