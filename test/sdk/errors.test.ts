import { AuthenticationError, NotFoundError } from "../../provider/client";
import { asRunError } from "../../sdk/errors";

const request = { method: "GET", path: "/accounts/a/iam/permission_groups" };

it("a data source's refused token is told where the program reads it: the stack config, then the environment", () => {
  const refused = asRunError(new AuthenticationError(401, [{ code: 10000, message: "Authentication error" }], request));
  expect(refused.message).toBe(
    "Cloudflare API GET /accounts/a/iam/permission_groups failed with HTTP 401: [10000] Authentication error. Check the API token: `cloudflare-iam:apiToken` (or `cloudflare:apiToken`) or the CLOUDFLARE_API_TOKEN environment variable",
  );
  expect(asRunError(new NotFoundError(404, [], request)).message).not.toContain("Check the API token");
});
