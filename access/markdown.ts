/**
 * A review as Markdown for a pull-request comment: risks first, then people, then everything
 * else. Every name is rendered inert (see ./inert): in prose as a code span, in the diff block
 * as plain text or a quoted literal, so no name can open HTML, close a fence, mention, link or
 * break a line. Our own words are escaped too, so a value that reached one by mistake is inert.
 */
import { type AccessLine, altersNoAccess, type Change, type PersonChange, type Review } from "./compare";
import { codeSpan, literal, ownWords, ownWordsInBlock } from "./inert";
import type { Text } from "./text";

export const NO_CHANGE = "No change in access: this change alters no one's access.";

/** A text in prose: our words escaped, each name a code span. */
export const prose = (t: Text) => t.map((p) => (typeof p === "string" ? ownWords(p) : codeSpan(p.name))).join("");

/** A text in the diff block, where Markdown is not interpreted: names as literals. */
export const inBlock = (t: Text) => t.map((p) => (typeof p === "string" ? ownWordsInBlock(p) : literal(p.name, p.quoted))).join("");

const reasons: Record<"gain" | "loss", Partial<Record<AccessLine["why"], (group: string) => string>>> = {
  gain: {
    via: (group) => `via ${group}`,
    role: (role) => `via role ${role}`,
    direct: () => "via a direct policy",
  },
  loss: {
    leaves: (group) => `leaves ${group}`,
    policy: (group) => `${group}'s policies change`,
    deleted: (group) => `${group} is deleted`,
    role: (role) => `role ${role} removed`,
    direct: () => "a direct policy removed",
  },
};

function personLine(sign: "+" | "-", subject: string, line: AccessLine): string {
  const verb = sign === "+" ? "gains" : "loses";
  const reason = reasons[sign === "+" ? "gain" : "loss"][line.why]?.(literal(line.group));
  return `${sign} ${subject} ${verb} ${line.permissionGroups.map((p) => literal(p)).join(", ")} on ${inBlock(line.target)} (${reason})`;
}

/** fact 57: an invite is pending until the person accepts; fact 59: an existing user may be added directly, accepted. */
const invitedWords = (status: string) => (status === "accepted" ? "is added to the account" : "is invited (pending until they accept)");

/**
 * A person's lines: their gains, then their losses. An invite opens the first line's sentence
 * ("is invited … and gains"), or stands alone; a pending invite from before says so on the first
 * line; one who leaves the account says so first, and every loss is still listed, so a reader
 * sees the size of it.
 */
function personChangeLines(person: PersonChange): string[] {
  const who = literal(person.member);
  const invited = person.membership === "invited";
  // fact 81: whether a pending member's access applies before they accept is not known: it is said.
  const opening = invited ? `${who} ${invitedWords(person.status)} and` : person.membership === "stays" && person.status === "pending" ? `${who} (invite pending)` : who;
  const changes = [...person.gains.map((l) => ["+", l] as const), ...person.losses.map((l) => ["-", l] as const)];
  const lines = changes.map(([sign, l], i) => personLine(sign, i === 0 ? opening : who, l));
  if (invited && !lines.length) return [`+ ${who} ${invitedWords(person.status)}, with no access yet`];
  if (person.membership !== "leaves") return lines;
  const pending = person.status === "pending" ? " (the invite was still pending)" : "";
  return [`- ${who} leaves the account${pending}${lines.length ? " and loses everything" : ", holding no access"}`, ...lines];
}

/** `+ ada@example.com gains DNS Write, Zone Read on "production zones" (via SRE)` */
export function personLines(review: Review): string[] {
  return review.people.flatMap(personChangeLines);
}

export const section = (title: string, items: string[]) => (items.length ? [`**${title}**`, "", ...items, ""] : []);
const changes = (list: Change[]) => list.map((c) => `- ${prose(c.subject)}: ${prose(c.change)}`);

/** The review's first lines: the heading. */
export const HEAD = ["### Access review", ""];
export const DIFF_OPEN = "```diff";
export const DIFF_CLOSE = "```";

/** A review's Markdown in its parts: the risk lines, and every line after the risk section. */
export interface ReviewLines {
  risks: string[];
  rest: string[];
}

export function reviewLines(review: Review): ReviewLines {
  const people = personLines(review);
  return {
    risks: review.risks.map((r) => `- ⚠️ ${prose(r.message)}`),
    rest: [
      ...(people.length ? ["**Who gains and who loses access**", "", DIFF_OPEN, ...people, DIFF_CLOSE, ""] : []),
      ...section("User groups", changes(review.groups)),
      ...section("Resource groups", changes(review.resourceGroups)),
      ...section("OAuth clients", changes(review.oauthClients)),
      ...section("SSO connectors", changes(review.ssoConnectors)),
      ...section("Access held outside user groups, after this change", changes(review.direct)),
      ...section(
        "Notes",
        review.notes.map((n) => `- ${prose(n)}`),
      ),
    ],
  };
}

/** The lines of a review from its parts, whole or cut: the heading, the risk section, the rest. */
export const assemble = ({ risks, rest }: ReviewLines): string[] => [...HEAD, ...section("Risks", risks), ...rest];

export function reviewMarkdown(review: Review): string {
  if (altersNoAccess(review)) return `${NO_CHANGE}\n`;
  return assemble(reviewLines(review)).join("\n");
}
