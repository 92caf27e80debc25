/** fact 81: whether a pending invite may join a user group is unknown; the emulator accepts it by default and refuses it when switched. */
import { accountMembers, startEmulator } from "../../../emulator";
import { admin, useEmulator } from "../../support/emulator";
import { api, untilMembersVisible } from "../../support/provider";

const emulator = useEmulator();
const pending = accountMembers.find((m) => m.status === "pending")!;
const accepted = accountMembers.find((m) => m.status === "accepted")!;
let groupId: string;

const send = (method: "POST" | "PUT", ids: string[]) =>
  fetch(`${emulator().baseUrl}/accounts/${emulator().accountId}/iam/user_groups/${groupId}/members`, {
    method,
    headers: { authorization: `Bearer ${emulator().token}`, "content-type": "application/json" },
    body: JSON.stringify(ids.map((id) => ({ id }))),
  });
const errorOf = async (response: Response) => [response.status, ((await response.json()) as { errors: { code: number; message: string }[] }).errors[0]];
const held = async () => ((await api(emulator())<{ id: string }[] | null>("GET", `/iam/user_groups/${groupId}/members`)) ?? []).map((m) => m.id).sort();

beforeAll(async () => {
  groupId = (await api(emulator())<{ id: string }>("POST", "/iam/user_groups", { name: "pending?" })).id;
  await untilMembersVisible(emulator(), groupId);
});
afterEach(() => admin(emulator(), "PUT", "/pending_group_members", { answer: "accepted" }));

it("fact 81: by default a pending invite joins a group, by POST and by PUT, listed as pending", async () => {
  expect((await send("POST", [pending.id])).status).toBe(200);
  const listed = await api(emulator())<{ id: string; status: string }[]>("GET", `/iam/user_groups/${groupId}/members`);
  expect(listed).toEqual([expect.objectContaining({ id: pending.id, status: "pending" })]);
  expect((await send("PUT", [pending.id, accepted.id])).status).toBe(200);
  expect(await held()).toEqual([pending.id, accepted.id].sort());
});

it("fact 81: switched to refuse, a pending invite is InvalidMember (400, code 400) on POST and PUT, and the group is unchanged", async () => {
  await send("PUT", [accepted.id]);
  await admin(emulator(), "PUT", "/pending_group_members", { answer: "refused" });
  for (const method of ["POST", "PUT"] as const) {
    expect(await errorOf(await send(method, [accepted.id, pending.id]))).toEqual([
      400,
      { code: 400, message: `Invalid member: ${pending.id} is a pending invite, not yet an accepted member of this account`, source: { pointer: "/1/id" } },
    ]);
  }
  expect(await held()).toEqual([accepted.id]);
  expect((await send("POST", [accepted.id])).status).toBe(200);
});

it("fact 81: an invite accepted through the admin endpoint may then join, even when pending invites are refused", async () => {
  await admin(emulator(), "PUT", "/pending_group_members", { answer: "refused" });
  const invite = await api(emulator())<{ id: string }>("POST", "/members", { email: "joins.later@example.net", roles: [] });
  expect((await send("POST", [invite.id])).status).toBe(400);
  await admin(emulator(), "POST", `/account_members/${invite.id}/accept`);
  expect((await send("POST", [invite.id])).status).toBe(200);
});

it("fact 81: the option starts an emulator that refuses pending invites", async () => {
  const refusing = await startEmulator({ rateLimit: false, pendingGroupMembers: "refused", membersPropagationMs: 0 });
  try {
    const call = api(refusing);
    const group = await call<{ id: string }>("POST", "/iam/user_groups", { name: "strict" });
    await expect(call("POST", `/iam/user_groups/${group.id}/members`, [{ id: pending.id }])).rejects.toThrow("is a pending invite");
  } finally {
    await refusing.close();
  }
});
