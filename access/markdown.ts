/** A review as Markdown for a pull-request comment: risks first, then people, then everything else. */
import { AccessLine, altersNoAccess, Change, Review } from "./compare";

export const NO_CHANGE = "No change in access: this change alters no one's access.";

const reasons: Record<AccessLine["why"], (group: string) => string> = {
  via: (group) => `via ${group}`,
  leaves: (group) => `leaves ${group}`,
  policy: (group) => `${group}'s policies change`,
  deleted: (group) => `${group} is deleted`,
};

/** `+ ada@example.com gains DNS Write, Zone Read on "production zones" (via SRE)` */
export function personLines(review: Review): string[] {
  return review.people.flatMap((person) => [
    ...person.gains.map((l) => `+ ${person.member} gains ${l.permissionGroups.join(", ")} on ${l.target} (${reasons[l.why](l.group)})`),
    ...person.losses.map((l) => `- ${person.member} loses ${l.permissionGroups.join(", ")} on ${l.target} (${reasons[l.why](l.group)})`),
  ]);
}

const section = (title: string, items: string[]) => (items.length ? [`**${title}**`, "", ...items, ""] : []);
const changes = (list: Change[]) => list.map((c) => `- ${c.subject}: ${c.change}`);

export function reviewMarkdown(review: Review, title = "Access review"): string {
  if (altersNoAccess(review)) return `${NO_CHANGE}\n`;
  const people = personLines(review);
  return [
    `### ${title}`,
    "",
    ...section(
      "Risks",
      review.risks.map((r) => `- ⚠️ ${r.message}`),
    ),
    ...(people.length ? ["**Who gains and who loses access**", "", "```diff", ...people, "```", ""] : []),
    ...section("User groups", changes(review.groups)),
    ...section("Resource groups", changes(review.resourceGroups)),
    ...section("OAuth clients", changes(review.oauthClients)),
    ...section("SSO connectors", changes(review.ssoConnectors)),
    ...section(
      "Notes",
      review.notes.map((n) => `- ${n}`),
    ),
  ].join("\n");
}
