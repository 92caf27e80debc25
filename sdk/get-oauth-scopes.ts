import * as pulumi from "@pulumi/pulumi";
import { listOAuthScopes, type OAuthScope } from "../account/oauth-scopes";
import { cleanly } from "./errors";
import { programClient } from "./settings";

export type { OAuthScope };

export interface GetOAuthScopesResult {
  scopes: OAuthScope[];
}

/** The OAuth scopes an OAuthClient may request. */
export function getOAuthScopes(): Promise<GetOAuthScopesResult> {
  return cleanly(async () => ({ scopes: await listOAuthScopes(programClient()) }));
}

export function getOAuthScopesOutput(): pulumi.Output<GetOAuthScopesResult> {
  return pulumi.output(getOAuthScopes());
}
