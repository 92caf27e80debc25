/**
 * Errors the emulator answers with, as v4 envelopes: Cloudflare's own codes and messages where
 * real clients have seen them (REAL-API-FACTS.md), the emulator's own numbers elsewhere. The
 * table in docs/emulator.md lists them.
 */
export const ErrorCodes = {
  authentication: 10000,
  accountAccess: 9109,
  noRoute: 7000,
  /** fact 51: a malformed account id is InvalidRoute. */
  invalidRoute: 7003,
  /** facts 13, 25 and 34: "Resource group…", "User group…", "…not found in user group". */
  notFound: 404,
  /** facts 19 and 33: a user group name already in use; InvalidMember. */
  badRequest: 400,
  /** facts 50 and 67: an account member that does not exist, on GET and DELETE. */
  unknownAccountMember: 1003,
  /** fact 70: "invalid permission group and resource group combination" in a member's policies. */
  invalidMemberGrant: 1006,
  invalidRequest: 1001,
  objectNotFound: 1002,
  conflict: 1009,
  unknownPermissionGroup: 1004,
  unknownResourceGroup: 1005,
  invalidOAuthScope: 1007,
  missingAuthorizationCode: 1008,
  optionalScopeNotInScopes: 1010,
  visibilityDemotion: 1011,
  promotionRequirements: 1012,
  emptyScopeObjects: 1013,
  rotatedSecretExists: 1014,
  managedByScim: 1015,
  nonEditable: 1016,
  rateLimited: 971,
  internal: 1100,
  unavailable: 1101,
} as const;

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly pointer?: string,
  ) {
    super(message);
  }
}

/** 404 for an object that does not exist; code 1002 where Cloudflare's code is not known. */
export const notFound = (what: string, id: string, code: number = ErrorCodes.objectNotFound) => new ApiFailure(404, code, `${what} ${id} not found`);

export const invalid = (message: string, pointer?: string, code: number = ErrorCodes.invalidRequest) => new ApiFailure(400, code, message, pointer);
