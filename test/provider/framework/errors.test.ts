/** The errors people see: one line, no stack for the engine to print. */
import { CreatedButIncomplete, InitFailed, ProviderError } from "../../../provider/framework/errors";

it("a ProviderError is its message alone", () => {
  const error = new ProviderError("user group create failed: [1001] refused");
  expect([error.name, error.message, error.stack]).toEqual(["ProviderError", "user group create failed: [1001] refused", ""]);
});

it("an incomplete create keeps its cause's message, whatever was thrown", () => {
  expect(new CreatedButIncomplete("g", {}, new Error("members refused")).message).toBe("members refused");
  expect(new CreatedButIncomplete("g", {}, "members refused").message).toBe("members refused");
});

it("InitFailed gives the engine its id, properties and one reason", () => {
  const error = new InitFailed("g", { name: "SRE" }, "user group create of g failed: members refused");
  expect([error.id, error.properties, error.reasons, error.stack]).toEqual(["g", { name: "SRE" }, ["user group create of g failed: members refused"], ""]);
});
