/** The OAuth scopes a client may request (`GET /oauth/scopes`, one page). */
import { z } from "zod";
import type { CloudflareClient } from "../provider/client";

export interface OAuthScope {
  id: string;
  name: string;
  category: string;
  scopes: string[];
}

const apiScope = z.object({
  id: z.string(),
  name: z.string().optional(),
  category: z.string().optional(),
  scopes: z.array(z.string()).optional(),
});

export async function listOAuthScopes(client: CloudflareClient): Promise<OAuthScope[]> {
  const scopes = await client.get("/oauth/scopes", z.array(apiScope));
  return scopes.map((s) => ({ id: s.id, name: s.name ?? "", category: s.category ?? "", scopes: s.scopes ?? [] }));
}
