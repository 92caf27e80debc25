import type * as pulumi from "@pulumi/pulumi";
import type { OAuthClientOutputs } from "../provider/resources/oauth-client/schema";
import { type DeclaredOutputs, IamResource, type OutputNames } from "./resource";

type Strings = pulumi.Input<pulumi.Input<string>[]>;

export interface OAuthClientArgs {
  accountId?: pulumi.Input<string>;
  clientName: pulumi.Input<string>;
  /** Must include authorization_code; refresh_token is optional. */
  grantTypes: pulumi.Input<pulumi.Input<"authorization_code" | "refresh_token">[]>;
  redirectUris: Strings;
  responseTypes: pulumi.Input<pulumi.Input<"code" | "token" | "id_token">[]>;
  /** Dot-delimited scopes (see getOAuthScopes). openid and offline_access are managed by Cloudflare. */
  scopes: Strings;
  tokenEndpointAuthMethod: pulumi.Input<"none" | "client_secret_basic" | "client_secret_post">;
  allowedCorsOrigins?: Strings;
  postLogoutRedirectUris?: Strings;
  /** Each must also be in `scopes`; never openid, offline or offline_access. */
  optionalScopes?: Strings;
  clientUri?: pulumi.Input<string>;
  logoUri?: pulumi.Input<string>;
  policyUri?: pulumi.Input<string>;
  tosUri?: pulumi.Input<string>;
  /** private (default) or public. Promoting is an update; going back to private replaces the client. */
  visibility?: pulumi.Input<"private" | "public">;
  /** Change it to rotate the secret; the previous one stays valid until deleteRotatedSecret. */
  secretVersion?: pulumi.Input<number>;
  /** Delete the secret the last rotation replaced, once every consumer uses `clientSecret`. */
  deleteRotatedSecret?: pulumi.Input<boolean>;
  /** Take over this existing client. Its secret is unknown until the next rotation. */
  adoptId?: pulumi.Input<string>;
}

/** An OAuth client of the account. `clientSecret` is a Pulumi secret. */
export class OAuthClient extends IamResource implements DeclaredOutputs<OAuthClientOutputs> {
  declare readonly accountId: pulumi.Output<string>;
  declare readonly clientId: pulumi.Output<string>;
  declare readonly clientSecret: pulumi.Output<string>;
  declare readonly clientName: pulumi.Output<string>;
  declare readonly grantTypes: pulumi.Output<("authorization_code" | "refresh_token")[]>;
  declare readonly redirectUris: pulumi.Output<string[]>;
  declare readonly responseTypes: pulumi.Output<("code" | "token" | "id_token")[]>;
  declare readonly scopes: pulumi.Output<string[]>;
  declare readonly tokenEndpointAuthMethod: pulumi.Output<"none" | "client_secret_basic" | "client_secret_post">;
  declare readonly allowedCorsOrigins: pulumi.Output<string[]>;
  declare readonly postLogoutRedirectUris: pulumi.Output<string[]>;
  declare readonly optionalScopes: pulumi.Output<string[]>;
  declare readonly clientUri: pulumi.Output<string | undefined>;
  declare readonly logoUri: pulumi.Output<string | undefined>;
  declare readonly policyUri: pulumi.Output<string | undefined>;
  declare readonly tosUri: pulumi.Output<string | undefined>;
  declare readonly visibility: pulumi.Output<"private" | "public">;
  declare readonly hasRotatedSecret: pulumi.Output<boolean>;
  declare readonly secretVersion: pulumi.Output<number>;
  declare readonly deleteRotatedSecret: pulumi.Output<boolean>;
  declare readonly clientUriVerificationStatus: pulumi.Output<string>;
  /** The TXT record that proves control of the client URI's host (needed to go public). */
  declare readonly clientUriVerificationText: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<string>;
  declare readonly updatedAt: pulumi.Output<string>;

  static readonly outputNames: OutputNames<OAuthClientOutputs> = {
    accountId: true,
    clientId: true,
    clientSecret: true,
    clientName: true,
    grantTypes: true,
    redirectUris: true,
    responseTypes: true,
    scopes: true,
    tokenEndpointAuthMethod: true,
    allowedCorsOrigins: true,
    postLogoutRedirectUris: true,
    optionalScopes: true,
    clientUri: true,
    logoUri: true,
    policyUri: true,
    tosUri: true,
    visibility: true,
    hasRotatedSecret: true,
    secretVersion: true,
    deleteRotatedSecret: true,
    clientUriVerificationStatus: true,
    clientUriVerificationText: true,
    createdAt: true,
    updatedAt: true,
  };

  constructor(name: string, args: OAuthClientArgs, opts?: pulumi.CustomResourceOptions) {
    const secretOutputs = [...(opts?.additionalSecretOutputs ?? []), "clientSecret"];
    super("oauthClient", name, args, OAuthClient.outputNames, { ...opts, additionalSecretOutputs: secretOutputs });
  }

  static get(name: string, id: pulumi.Input<string>, accountId?: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): OAuthClient {
    return new OAuthClient(name, { accountId } as OAuthClientArgs, { ...opts, id });
  }
}
