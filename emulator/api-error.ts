/**
 * Errors the emulator answers with, as v4 envelopes. The codes are the emulator's own where
 * Cloudflare's are not published; the README's emulator section lists them.
 */
export const ErrorCodes = {
  authentication: 10000,
  accountAccess: 9109,
  noRoute: 7000,
  invalidRequest: 1001,
  notFound: 1002,
  conflict: 1003,
  unknownPermissionGroup: 1004,
  unknownResourceGroup: 1005,
  unknownAccountMember: 1006,
  invalidOAuthScope: 1007,
  missingAuthorizationCode: 1008,
  optionalScopeNotInScopes: 1009,
  visibilityDemotion: 1010,
  promotionRequirements: 1011,
  emptyScopeObjects: 1012,
  rotatedSecretExists: 1013,
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

export const notFound = (what: string, id: string) => new ApiFailure(404, ErrorCodes.notFound, `${what} ${id} not found`);

export const invalid = (message: string, pointer?: string, code: number = ErrorCodes.invalidRequest) =>
  new ApiFailure(400, code, message, pointer);
