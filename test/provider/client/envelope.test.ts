/** The v4 envelope, read leniently (fact 4): what it accepts, and what a failure to read it says. */
import { z } from "zod";
import { EnvelopeError, errorDetailsOf, parseResult, unwrap } from "../../../provider/client/envelope";

const group = z.object({ id: z.string() });

describe("unwrap", () => {
  it("takes result and result_info, with errors, messages and result_info null or missing", () => {
    expect(unwrap({ success: true, errors: null, messages: null, result: { id: "g" }, result_info: null }, group, "GET /g")).toStrictEqual({
      result: { id: "g" },
      resultInfo: undefined,
    });
    expect(unwrap({ success: true, result: { id: "g" }, result_info: { page: 2, per_page: null, total_pages: 3, extra: 1 } }, group, "GET /g")).toEqual({
      result: { id: "g" },
      resultInfo: { page: 2, total_pages: 3 },
    });
  });

  it("refuses a body that is not an envelope, saying what it read", () => {
    expect(() => unwrap({ result: { id: "g" } }, group, "GET /g")).toThrow(new EnvelopeError("GET /g: the response is not a Cloudflare v4 envelope (Required)"));
    expect(() => unwrap(undefined, group, "GET /g")).toThrow(EnvelopeError);
  });

  it("refuses a result of another shape, naming where", () => {
    expect(() => unwrap({ success: true, result: { id: 7 } }, group, "GET /g")).toThrow("GET /g: unexpected result shape at id: Expected string, received number");
  });
});

it("parseResult names a nested field by its dotted path", () => {
  expect(() => parseResult({ scope: { key: 1 } }, z.object({ scope: z.object({ key: z.string() }) }), "GET /r")).toThrow(
    "GET /r: unexpected result shape at scope.key: Expected string",
  );
});

it("parseResult names the result itself when the whole value is wrong", () => {
  expect(() => parseResult("text", group, "GET /g")).toThrow("GET /g: unexpected result shape at result: Expected object, received string");
});

describe("errorDetailsOf", () => {
  it("reads the errors of any body, codes as numbers, a null message as empty", () => {
    expect(
      errorDetailsOf({
        success: false,
        errors: [
          { code: "1001", message: null, source: null },
          { code: 7003, message: "gone", documentation_url: "https://d", source: { pointer: "/name" } },
        ],
      }),
    ).toEqual([
      { code: 1001, message: "" },
      { code: 7003, message: "gone", documentation_url: "https://d", source: { pointer: "/name" } },
    ]);
  });

  it("finds none in a body without errors or that cannot be read", () => {
    expect(errorDetailsOf({ success: false, errors: null })).toEqual([]);
    expect(errorDetailsOf("<html>Bad gateway</html>")).toEqual([]);
    expect(errorDetailsOf({ errors: [{ message: "no code" }] })).toEqual([]);
  });
});
