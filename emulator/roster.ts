/**
 * Who is in the account: the seeded members, less those who left, with the store's records in
 * their place or added to them; and who already has a Cloudflare user (fact 59).
 */
import { newId } from "./ids";
import { type AccountMember, accountMembers, type CloudflareUser, cloudflareUsers } from "./seed";
import type { Store } from "./store";

/** Every member now in the account, seeded ones in their seeded order, then the invited ones. */
export function currentMembers(store: Store): AccountMember[] {
  const { departedMembers, members } = store.account;
  const seeded = accountMembers.filter((m) => !departedMembers.includes(m.id)).map((m) => members[m.id] ?? m);
  const seededIds = new Set(accountMembers.map((m) => m.id));
  return [...seeded, ...Object.values(members).filter((m) => !seededIds.has(m.id))];
}

export const findMember = (store: Store, id: string): AccountMember | undefined => currentMembers(store).find((m) => m.id === id);

/** fact 56: an address is matched against both the top-level email and `user.email`, in any case. */
export function memberByEmail(store: Store, email: string): AccountMember | undefined {
  const wanted = email.toLowerCase();
  return currentMembers(store).find((m) => m.email.toLowerCase() === wanted || m.user.email.toLowerCase() === wanted);
}

export function cloudflareUser(store: Store, email: string): CloudflareUser | undefined {
  const wanted = email.toLowerCase();
  return store.account.users[wanted] ?? cloudflareUsers.find((u) => u.email === wanted);
}

/** fact 59: a Cloudflare user someone may add directly; an address that has one keeps it. */
export function addCloudflareUser(store: Store, email: string, first: string | null, last: string | null): CloudflareUser {
  const existing = cloudflareUser(store, email);
  if (existing) return existing;
  const user = { id: newId(), email: email.toLowerCase(), first_name: first, last_name: last };
  store.account.users[user.email] = user;
  return user;
}

/**
 * A new membership, always under a fresh id (fact 65: a re-invite after a delete is a new
 * membership). The top-level `email` is the address as sent and `user.email` Cloudflare's
 * lower-case form (fact 56); an invitee with no Cloudflare user has no `user.id` yet.
 */
export function addMember(store: Store, email: string, status: AccountMember["status"]): AccountMember {
  const user = cloudflareUser(store, email) ?? { email: email.toLowerCase(), first_name: null, last_name: null };
  const member: AccountMember = { id: newId(), email, status, user: { ...user } };
  store.account.members[member.id] = member;
  return member;
}

/** The invitee accepts: the membership is accepted, and the invitee now has a Cloudflare user. */
export function acceptInvite(store: Store, member: AccountMember): AccountMember {
  const user = addCloudflareUser(store, member.user.email, member.user.first_name, member.user.last_name);
  const accepted: AccountMember = { ...member, status: "accepted", user: { ...user } };
  store.account.members[member.id] = accepted;
  return accepted;
}

/** The membership ends (removed, or its invite expired): gone from the list, from every group, and its grants with it. */
export function removeMember(store: Store, id: string): void {
  const account = store.account;
  delete account.members[id];
  if (accountMembers.some((m) => m.id === id) && !account.departedMembers.includes(id)) account.departedMembers.push(id);
  for (const group of Object.values(account.userGroups)) delete group.members[id];
  delete account.memberAccess[id];
}
