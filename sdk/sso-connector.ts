import type * as pulumi from "@pulumi/pulumi";
import type { SSOConnectorOutputs } from "../provider/resources/sso-connector/schema";
import { type DeclaredOutputs, IamResource, type OutputNames } from "./resource";

export interface SSOConnectorArgs {
  accountId?: pulumi.Input<string>;
  /** A bare domain such as example.com. Changing it replaces the connector. */
  emailDomain: pulumi.Input<string>;
  /** Default false. */
  enabled?: pulumi.Input<boolean>;
  /** Default false. */
  useFedrampLanguage?: pulumi.Input<boolean>;
  /** Start DNS verification when the connector is created. Default true. */
  beginVerification?: pulumi.Input<boolean>;
  /** Take over this existing connector instead of creating one. */
  adoptId?: pulumi.Input<string>;
}

/** Dashboard SSO for one email domain. Publish `verificationCode` as a DNS TXT record of the domain. */
export class SSOConnector extends IamResource implements DeclaredOutputs<SSOConnectorOutputs> {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly emailDomain: pulumi.Output<string>;
  declare readonly enabled: pulumi.Output<boolean>;
  declare readonly useFedrampLanguage: pulumi.Output<boolean>;
  declare readonly beginVerification: pulumi.Output<boolean>;
  /** The TXT record value that proves ownership of the domain. */
  declare readonly verificationCode: pulumi.Output<string>;
  /** awaiting, pending, failed or verified. Moves on its own; never a diff. */
  declare readonly verificationStatus: pulumi.Output<string>;
  declare readonly createdOn: pulumi.Output<string>;
  declare readonly updatedOn: pulumi.Output<string>;

  static readonly outputNames: OutputNames<SSOConnectorOutputs> = {
    accountId: true,
    emailDomain: true,
    enabled: true,
    useFedrampLanguage: true,
    beginVerification: true,
    verificationCode: true,
    verificationStatus: true,
    createdOn: true,
    updatedOn: true,
  };

  constructor(name: string, args: SSOConnectorArgs, opts?: pulumi.CustomResourceOptions) {
    super("ssoConnector", name, args, SSOConnector.outputNames, opts);
  }

  static get(name: string, id: pulumi.Input<string>, accountId?: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): SSOConnector {
    return new SSOConnector(name, { accountId } as SSOConnectorArgs, { ...opts, id });
  }
}
