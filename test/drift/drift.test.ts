/** The names the preview itself holds. */
import { previewNames } from "../../drift/drift";
import { GROUP, MEMBER, resource, userGroup } from "../support/drift";

it("names a group by the stack's name, not the renamed one, and members by their email", () => {
  const members = resource("UserGroupMembers", GROUP, { memberIds: [MEMBER], members: [{ id: MEMBER, email: "ada@example.com" }] }, { memberIds: [] });
  expect([...previewNames([userGroup(), members])]).toEqual([
    [GROUP, "SRE"],
    [MEMBER, "ada@example.com"],
  ]);
});
