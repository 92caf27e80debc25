/** The names the preview itself holds. */
import { previewNames } from "../../drift/drift";
import { driftPreviewSchema } from "../../drift/preview";
import { GROUP, MEMBER } from "../support/drift";

const TYPE = "pulumi-nodejs:dynamic/cloudflare-iam:";
const state = (kind: string, id: string, outputs: Record<string, unknown>) => ({ urn: `urn:pulumi:s::p::${TYPE}${kind}::${id}`, id, type: `${TYPE}${kind}`, outputs });

it("names groups by the stack's name, drifted or not, and members by their email", () => {
  const stackGroup = state("UserGroup", GROUP, { name: "SRE" });
  const preview = driftPreviewSchema.parse({
    steps: [
      { op: "update", urn: stackGroup.urn, oldState: state("UserGroup", GROUP, { name: "SRE-old" }) },
      { op: "refresh", urn: stackGroup.urn, oldState: stackGroup, newState: stackGroup },
      { op: "refresh", urn: "m", oldState: state("UserGroupMember", `${GROUP}/${MEMBER}`, { memberId: MEMBER, email: "ada@example.com" }) },
      { op: "refresh", urn: "o", oldState: state("ResourceGroup", "rg", { name: "zones" }) },
    ],
  });
  expect(Object.fromEntries(previewNames(preview))).toEqual({ [GROUP]: "SRE", [MEMBER]: "ada@example.com", rg: "zones" });
});
