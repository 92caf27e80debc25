/** The account's members, read as the API pages them, under the ids user groups take. */
import { accountMembers } from "../../../emulator";
import { allAccountMembers } from "../../../provider/data-sources/account-members";
import { clientFor } from "../../../provider/runtime";
import { requestsTo, useApiProxy } from "../../support/api-proxy";
import { useEmulator } from "../../support/emulator";

const emulator = useEmulator();
const proxy = useApiProxy(emulator);

it("fact 49: asks 50 a page, and reads every member", async () => {
  const members = await allAccountMembers(clientFor({ baseUrl: proxy().baseUrl, token: proxy().token }), proxy().accountId);
  expect(members).toHaveLength(accountMembers.length);
  // 60 members: a full page of 50, then a short one that ends the list.
  expect(requestsTo(proxy(), "GET", /\/members$/).map((r) => [r.query.get("page"), r.query.get("per_page")])).toEqual([
    ["1", "50"],
    ["2", "50"],
  ]);
});

it("fact 32: a member's id is the account membership id, not the user id", async () => {
  const members = await allAccountMembers(clientFor({ baseUrl: proxy().baseUrl, token: proxy().token }), proxy().accountId);
  const ada = accountMembers[0];
  expect(ada.user.id).not.toBe(ada.id);
  expect(members.find((m) => m.email === ada.email)?.id).toBe(ada.id);
});
