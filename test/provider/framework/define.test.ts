import { z } from "zod";
import { AuthenticationError, ValidationError } from "../../../provider/client";
import { defineResource } from "../../../provider/framework/define";

const request = { method: "GET", path: "/accounts/a/iam/user_groups" };
const refusing = (error: Error) =>
  defineResource<{ accountId: string; adoptId?: string }, { accountId: string }>({
    label: "Thing",
    schema: z.object({ accountId: z.string(), adoptId: z.string().optional() }),
    fields: { accountId: { replace: true } },
    state: { version: 1 },
    create: async () => {
      throw error;
    },
    read: async () => undefined,
    update: async (_ctx, _id, olds) => olds,
    delete: async () => undefined,
    inputsOf: (outputs) => outputs,
  });

it("a refused token is told where the provider reads it: the stack config, then the environment", async () => {
  const provider = refusing(new AuthenticationError(403, [{ code: 10000, message: "Authentication error" }], request));
  await expect(provider.create!({ accountId: "a" })).rejects.toThrow(
    /^Thing create failed: Cloudflare API GET \S+ failed with HTTP 403: \[10000\] Authentication error\. Check the API token: `cloudflare-iam:apiToken` \(or `cloudflare:apiToken`\) or the CLOUDFLARE_API_TOKEN environment variable$/,
  );
});

it("any other refusal gets no token advice", async () => {
  const provider = refusing(new ValidationError(400, [{ code: 1001, message: "bad" }], request));
  await expect(provider.create!({ accountId: "a" })).rejects.toThrow(/failed with HTTP 400: \[1001\] bad$/);
});
