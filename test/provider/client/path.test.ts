/** An id from state or a program can never add a path segment or a query. */
import { apiPath } from "../../../provider/client/path";

it("encodes every interpolated value as one segment", () => {
  expect(apiPath`/accounts/${"a/b"}/iam/user_groups/${"g?x=1#f"}/members`).toBe("/accounts/a%2Fb/iam/user_groups/g%3Fx%3D1%23f/members");
  expect(apiPath`/accounts/${"0123"}`).toBe("/accounts/0123");
});

it.each(["", ".", ".."])("refuses the segment %p, which would move the path", (segment) => {
  expect(() => apiPath`/accounts/${segment}/iam`).toThrow(`invalid path segment ${JSON.stringify(segment)}`);
});
