import * as pulumi from "@pulumi/pulumi";
import { listOAuthScopes, OAuthScope } from "../provider/data-sources/oauth-scopes";
import { programClient } from "./settings";

export type { OAuthScope };

export interface GetOAuthScopesResult {
  scopes: OAuthScope[];
}

/** The OAuth scopes an OAuthClient may request. */
export async function getOAuthScopes(): Promise<GetOAuthScopesResult> {
  return { scopes: await listOAuthScopes(programClient().client) };
}

export function getOAuthScopesOutput(): pulumi.Output<GetOAuthScopesResult> {
  return pulumi.output(getOAuthScopes());
}
