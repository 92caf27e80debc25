/** Create recovery, with fakes for the create and the look-up: every branch, with no server. */
import { ConnectionError, ServerError, ValidationError } from "../../../provider/client";
import { createdSince, createOnce } from "../../../provider/resources/common";

const lost = () => new ConnectionError({ method: "POST", path: "/x" }, "ECONNRESET", true);
const refused = () => new ValidationError(400, [{ code: 400, message: "name already in use" }], { method: "POST", path: "/x" });

/** A create whose tries fail as given (then succeed), and a look-up that returns the given lists in turn. */
function fakes(failures: Error[], lookups: string[][]) {
  let tries = 0;
  let looks = 0;
  return {
    create: async () => {
      const failure = failures[tries++];
      if (failure) throw failure;
      return "made";
    },
    recovery: {
      subject: 'user group "SRE"',
      candidates: async () => lookups[looks++] ?? [],
      idOf: (id: string) => id,
      alreadyExists: (error: unknown) => error instanceof ValidationError,
    },
    tries: () => tries,
    looks: () => looks,
  };
}

it("takes the one object an unanswered create made", async () => {
  const f = fakes([lost()], [["g1"]]);
  await expect(createOnce(f.create, f.recovery)).resolves.toBe("g1");
  expect(f.tries()).toBe(1);
});

it("fails, naming them, when several objects match", async () => {
  const f = fakes([new ServerError(503, [], { method: "POST", path: "/x" })], [["g1", "g2"]]);
  await expect(createOnce(f.create, f.recovery)).rejects.toThrow(/user group "SRE" got no answer, and 2 new objects now match it \(g1, g2\)/);
});

it("tries again when nothing landed, and stops after the last try", async () => {
  const once = fakes([lost()], [[]]);
  await expect(createOnce(once.create, once.recovery)).resolves.toBe("made");
  expect(once.tries()).toBe(2);
  const always = fakes([lost(), lost(), lost(), lost()], []);
  await expect(createOnce(always.create, always.recovery)).rejects.toThrow(/got no answer 4 times, and nothing was created/);
});

it("after an unanswered try, an 'already exists' answer means that try landed", async () => {
  const found = fakes([lost(), refused()], [[], ["g1"]]);
  await expect(createOnce(found.create, found.recovery)).resolves.toBe("g1");
  const missing = fakes([lost(), refused()], [[], []]);
  await expect(createOnce(missing.create, missing.recovery)).rejects.toThrow(/Cloudflare now says it exists, but no new object matches it exactly/);
});

it("passes on any other failure untouched, without looking", async () => {
  const f = fakes([refused()], []);
  await expect(createOnce(f.create, f.recovery)).rejects.toBeInstanceOf(ValidationError);
  expect(f.looks()).toBe(0);
});

it("counts an object as new only when the server's timestamp says so", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");
  expect(createdSince("2026-01-01T12:00:05Z", now)).toBe(true);
  expect(createdSince("2026-01-01T11:59:30Z", now)).toBe(true); // within the clock-skew allowance
  expect(createdSince("2026-01-01T11:50:00Z", now)).toBe(false);
  expect(createdSince(undefined, now)).toBe(false);
});
