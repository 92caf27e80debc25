import { providers } from "../../../../provider";
import { requestsTo, useProxiedProvider } from "../../../support/api-proxy";
import { admin, useEmulator } from "../../../support/emulator";
import { api, created, diffOf, updated, useProviderConfig } from "../../../support/provider";

const emulator = useEmulator();
useProviderConfig(emulator);
const provider = providers.ssoConnector;

it("begins verification on create and exposes the TXT record value", async () => {
  const { id, outs } = await created(provider, { emailDomain: "Corp.Example.com" });
  expect(outs).toMatchObject({
    emailDomain: "corp.example.com",
    enabled: false,
    useFedrampLanguage: false,
    verificationCode: `cloudflare_dashboard_sso=${id}`,
    verificationStatus: "pending",
  });
});

it("fact 41: creates without verification when asked, and updates useFedrampLanguage in place", async () => {
  const { id, outs } = await created(provider, { emailDomain: "quiet.example.com", beginVerification: false });
  expect(outs).toMatchObject({ enabled: false, verificationStatus: "awaiting" });
  expect((await updated(provider, id, outs, { emailDomain: "quiet.example.com", beginVerification: false, useFedrampLanguage: true })).useFedrampLanguage).toBe(true);
});

it("updates enabled and useFedrampLanguage in place, and replaces on a new domain", async () => {
  const { id, outs } = await created(provider, { emailDomain: "update.example.com" });
  expect(await diffOf(provider, id, outs, { emailDomain: "update.example.com", enabled: true })).toMatchObject({ changes: true, replaces: [] });
  const next = await updated(provider, id, outs, { emailDomain: "update.example.com", enabled: true, useFedrampLanguage: true });
  expect(next).toMatchObject({ enabled: true, useFedrampLanguage: true });
  expect((await diffOf(provider, id, next, { emailDomain: "other.example.com", enabled: true, useFedrampLanguage: true })).replaces).toEqual(["emailDomain"]);
});

it("does not treat a verification status that moves on its own as a change", async () => {
  const { id, outs } = await created(provider, { emailDomain: "verify.example.com" });
  await admin(emulator(), "POST", `/sso_connectors/${id}/verification`, { status: "verified" });
  const read = await provider.read!(id, outs);
  expect(read.props.verificationStatus).toBe("verified");
  expect(await diffOf(provider, id, read.props, { emailDomain: "verify.example.com" })).toMatchObject({ changes: false });
});

it("finds the connector by domain when the create's answer is lost", async () => {
  await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
  const { id } = await created(provider, { emailDomain: "lost.example.com", enabled: false });
  const all = await api(emulator())<{ id: string; email_domain: string }[]>("GET", "/sso_connectors");
  expect(all.filter((c) => c.email_domain === "lost.example.com").map((c) => c.id)).toEqual([id]);
});

it("adopts, reads deletion, and deletes idempotently", async () => {
  const existing = await api(emulator())<{ id: string }>("POST", "/sso_connectors", { email_domain: "adopt.example.com" });
  const { id, outs } = await created(provider, { emailDomain: "adopt.example.com", useFedrampLanguage: true, adoptId: existing.id });
  expect(id).toBe(existing.id);
  expect(outs.useFedrampLanguage).toBe(true);
  await expect(created(provider, { emailDomain: "elsewhere.example.com", adoptId: existing.id })).rejects.toThrow(/emailDomain/);
  await provider.delete!(id, outs);
  expect((await provider.read!(id, outs)).id).toBe("");
  await expect(provider.delete!(id, outs)).resolves.toBeUndefined();
});

describe("the list", () => {
  const proxy = useProxiedProvider(emulator);

  it("fact 40: a lost create is looked for in one request for the whole list, with no page parameters", async () => {
    await admin(emulator(), "PUT", "/faults", { dropNextWrites: 1 });
    const { id } = await created(provider, { emailDomain: "one-page.example.com" });
    const lists = requestsTo(proxy(), "GET", /\/sso_connectors$/);
    expect(lists.map((r) => Object.fromEntries(r.query))).toEqual([{}]);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
