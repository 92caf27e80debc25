/** Which entries touched a resource: by raw.uri, by resource.id only without one, never by resource.type (fact 124). */
import { entriesFor, touches } from "../../drift/match";
import { ACCOUNT, alice, entry, GROUP, MEMBER, resource, userGroup } from "../support/drift";

const group = userGroup();
const members = resource("UserGroupMembers", GROUP, { memberIds: [MEMBER] }, { memberIds: [] });
const uri = (path: string) => ({ raw: { method: "PUT", uri: path } });

it("fact 124: matches the object's path whatever its resource.type and product say", () => {
  expect(touches(entry(alice, { resource: { type: "iam.user_group", product: "iam" } }), group, ACCOUNT)).toBe(true);
  expect(touches(entry(alice, { resource: { type: "user_group", product: "members", id: "someone else" } }), group, ACCOUNT)).toBe(true);
});

it("reads a URI with an origin, /client/v4, a query, a trailing slash or capitals as the same path", () => {
  for (const path of [`https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/iam/user_groups/${GROUP}?x=1`, `/accounts/${ACCOUNT.toUpperCase()}/iam/user_groups/${GROUP}/`]) {
    expect(touches(entry(alice, uri(path)), group, ACCOUNT)).toBe(true);
  }
});

it("without a URI, matches by resource.id", () => {
  expect(touches(entry(alice, { raw: { method: "PUT" } }), group, ACCOUNT)).toBe(true);
  expect(touches(entry(alice, { raw: { method: "PUT" }, resource: { id: "other" } }), group, ACCOUNT)).toBe(false);
});

it("a member write is the members', not the group's; the group's rename is not the members'; its DELETE is both", () => {
  const memberWrite = entry(alice, { raw: { method: "DELETE", uri: `/accounts/${ACCOUNT}/iam/user_groups/${GROUP}/members/${MEMBER}` } });
  expect([touches(memberWrite, group, ACCOUNT), touches(memberWrite, members, ACCOUNT)]).toEqual([false, true]);
  expect(touches(entry(alice), members, ACCOUNT)).toBe(false);
  const deleted = entry(alice, { action: { type: "delete" }, raw: { method: "DELETE", uri: `/accounts/${ACCOUNT}/iam/user_groups/${GROUP}` } });
  expect([touches(deleted, group, ACCOUNT), touches(deleted, members, ACCOUNT)]).toEqual([true, true]);
});

it("fact 113: reads and failed writes change nothing", () => {
  expect(touches(entry(alice, { action: { type: "view" } }), group, ACCOUNT)).toBe(false);
  expect(touches(entry(alice, { raw: { method: "GET", uri: `/accounts/${ACCOUNT}/iam/user_groups/${GROUP}` } }), group, ACCOUNT)).toBe(false);
  expect(touches(entry(alice, { action: { type: "update", result: "failure" } }), group, ACCOUNT)).toBe(false);
});

it("leaves out entries from before the stack last wrote the resource", () => {
  const early = entry(alice, { action: { time: "2026-12-02T09:59:59Z", type: "update" } });
  expect(entriesFor([early, entry(alice)], group, ACCOUNT)).toEqual([entry(alice)]);
});
