import type * as pulumi from "@pulumi/pulumi";
import type { ResourceGroupOutputs } from "../provider/resources/resource-group/schema";
import { type DeclaredOutputs, IamResource, type OutputNames } from "./resource";

export interface ResourceGroupScope {
  /** Defaults to the account: `com.cloudflare.api.account.<accountId>`. */
  key?: pulumi.Input<string>;
  /** What the group covers, e.g. `{ key: "com.cloudflare.api.account.zone.<zoneId>" }`. Compared as a set; at least one. */
  objects: pulumi.Input<pulumi.Input<{ key: pulumi.Input<string> }>[]>;
}

export interface ResourceGroupArgs {
  /** Defaults to `cloudflare-iam:accountId` or CLOUDFLARE_ACCOUNT_ID. Changing it replaces the group. */
  accountId?: pulumi.Input<string>;
  name: pulumi.Input<string>;
  scope: pulumi.Input<ResourceGroupScope>;
  /** Take over this existing resource group instead of creating one. */
  adoptId?: pulumi.Input<string>;
}

/** A named set of resources (an account, zones) that user group policies grant access to. */
export class ResourceGroup extends IamResource implements DeclaredOutputs<ResourceGroupOutputs> {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly scope: pulumi.Output<{ key: string; objects: { key: string }[] }>;
  /** One of Cloudflare's predefined groups (fact 9): read with `get`, referenced, never managed. */
  declare readonly system: pulumi.Output<boolean>;

  static readonly outputNames: OutputNames<ResourceGroupOutputs> = { accountId: true, name: true, scope: true, system: true };

  constructor(name: string, args: ResourceGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super("resourceGroup", name, args, ResourceGroup.outputNames, opts);
  }

  /** A read-only lookup of an existing resource group by id. */
  static get(name: string, id: pulumi.Input<string>, accountId?: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ResourceGroup {
    return new ResourceGroup(name, { accountId } as ResourceGroupArgs, { ...opts, id });
  }
}
