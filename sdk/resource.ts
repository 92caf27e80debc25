/** What every resource class shares: its type token, its inputs, and its output placeholders. */
import * as pulumi from "@pulumi/pulumi";
import { KINDS, MODULE, type ProviderKind } from "../provider/resources/kinds";
import { providerShim } from "./provider-shim";
import { programAccountId } from "./settings";

/**
 * Every output of a kind, named once: typed against the provider's outputs, so a missing or
 * misspelt name fails to compile. Each becomes a placeholder, so the output exists on the resource.
 */
export type OutputNames<Outputs> = { readonly [K in keyof Outputs]-?: true };

/**
 * What a class `implements`: one `declare readonly` Output per output the provider writes, so a
 * class that leaves one out fails to compile where it is declared.
 */
export type DeclaredOutputs<Outputs> = { readonly [K in keyof Outputs]-?: pulumi.Output<Outputs[K]> };

export abstract class IamResource extends pulumi.dynamic.Resource {
  /** The shape the provider wrote the outputs in (provider/framework/state-version.ts). */
  declare readonly stateVersion: pulumi.Output<number>;

  protected constructor(kind: ProviderKind, name: string, args: object, outputNames: OutputNames<object>, opts?: pulumi.CustomResourceOptions) {
    const placeholders = Object.fromEntries([...Object.keys(outputNames), "stateVersion"].map((key) => [key, undefined]));
    const accountId = (args as { accountId?: pulumi.Input<string> }).accountId ?? programAccountId();
    // Types read `pulumi-nodejs:dynamic/cloudflare-iam:UserGroup` in previews and state.
    super(providerShim(kind), name, { ...placeholders, ...args, accountId }, opts, MODULE, KINDS[kind]);
  }
}
