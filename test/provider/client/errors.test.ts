/** Which error class each answer becomes, what its message says, and how callers tell answers apart. */
import {
  AuthenticationError,
  CloudflareApiError,
  errorFromResponse,
  isApiError,
  isNotFound,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../../../provider/client/errors";

const request = { method: "POST", path: "/accounts/a/iam/user_groups" };

describe("errorFromResponse", () => {
  it.each([
    [401, AuthenticationError],
    [403, AuthenticationError],
    [404, NotFoundError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [400, ValidationError],
    [409, ValidationError],
    [422, ValidationError],
    [499, ValidationError],
    [302, CloudflareApiError],
  ])("maps HTTP %p to %p", (status, type) => {
    const error = errorFromResponse(status, [], request);
    expect(error.constructor).toBe(type);
    expect(error.name).toBe(type.name);
    expect(error.status).toBe(status);
  });

  it("names the method, path, status and every one of Cloudflare's codes and messages, with where they point", () => {
    const error = errorFromResponse(
      400,
      [
        { code: 1013, message: "scope.objects must not be empty", source: { pointer: "/scope/objects" } },
        { code: 1001, message: "name is required" },
      ],
      request,
    );
    expect(error.message).toBe(
      "Cloudflare API POST /accounts/a/iam/user_groups failed with HTTP 400: [1013] scope.objects must not be empty (at /scope/objects); [1001] name is required",
    );
    expect([error.method, error.path]).toEqual([request.method, request.path]);
  });

  it("says so when the answer held no error details", () => {
    expect(errorFromResponse(502, [], request).message).toBe("Cloudflare API POST /accounts/a/iam/user_groups failed with HTTP 502: no error details in the response");
  });

  it("leaves where to check the token on 401 and 403 to the caller, which knows where it came from", () => {
    expect(errorFromResponse(403, [{ code: 10000, message: "Authentication error" }], request).message).toBe(
      "Cloudflare API POST /accounts/a/iam/user_groups failed with HTTP 403: [10000] Authentication error",
    );
  });
});

describe("isApiError", () => {
  const inUse = errorFromResponse(
    400,
    [
      { code: 1001, message: "Other problem" },
      { code: 400, message: "Name Already In Use" },
    ],
    request,
  );

  it("matches by status, code and message fragment, all of one detail, ignoring case", () => {
    expect(isApiError(inUse, { status: 400, includes: "already in use" })).toBe(true);
    expect(isApiError(inUse, { status: 400, code: 400, includes: "already in use" })).toBe(true);
    expect(isApiError(inUse, { code: 1001 })).toBe(true);
    expect(isApiError(inUse, { status: 400 })).toBe(true);
    expect(isApiError(inUse, {})).toBe(true);
  });

  it("matches by status alone an answer that holds no details", () => {
    expect(isApiError(errorFromResponse(400, [], request), { status: 400 })).toBe(true);
  });

  it("refuses another status, another code, another message, or a code and message of different details", () => {
    expect(isApiError(inUse, { status: 409, includes: "already in use" })).toBe(false);
    expect(isApiError(inUse, { code: 7003 })).toBe(false);
    expect(isApiError(inUse, { includes: "not found" })).toBe(false);
    expect(isApiError(inUse, { code: 1001, includes: "already in use" })).toBe(false);
  });

  it("refuses what is not an answer of Cloudflare's", () => {
    expect(isApiError(new Error("Name Already In Use"), {})).toBe(false);
    expect(isApiError(undefined, {})).toBe(false);
  });
});

it("isNotFound is true of a 404 only", () => {
  expect(isNotFound(errorFromResponse(404, [], request))).toBe(true);
  expect(isNotFound(errorFromResponse(400, [], request))).toBe(false);
  expect(isNotFound(new Error("not found"))).toBe(false);
});
