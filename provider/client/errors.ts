/**
 * Typed Cloudflare API errors. Every error carries the HTTP status and the API's own
 * `errors[]`, and its message names the method and path but never a header: the token
 * cannot leak through an error.
 */

export interface CloudflareErrorDetail {
  code: number;
  message: string;
  documentation_url?: string;
  source?: { pointer?: string };
}

export interface RequestDescription {
  method: string;
  path: string;
}

function describeDetails(details: CloudflareErrorDetail[]): string {
  if (details.length === 0) return "no error details in the response";
  return details.map((d) => `[${d.code}] ${d.message}${d.source?.pointer ? ` (at ${d.source.pointer})` : ""}`).join("; ");
}

export class CloudflareApiError extends Error {
  readonly status: number;
  readonly errors: CloudflareErrorDetail[];
  readonly method: string;
  readonly path: string;

  constructor(status: number, errors: CloudflareErrorDetail[], request: RequestDescription) {
    super(`Cloudflare API ${request.method} ${request.path} failed with HTTP ${status}: ${describeDetails(errors)}`);
    this.name = new.target.name;
    this.status = status;
    this.errors = errors;
    this.method = request.method;
    this.path = request.path;
  }
}

/** 400, 409, 422: the request was understood and refused. */
export class ValidationError extends CloudflareApiError {}

/**
 * 401 and 403: the token is missing, wrong, or lacks a permission. Where to check the token is
 * the caller's to say (provider/config.ts TOKEN_ADVICE): the client does not know where it came from.
 */
export class AuthenticationError extends CloudflareApiError {}

export class NotFoundError extends CloudflareApiError {}

export class RateLimitError extends CloudflareApiError {}

export class ServerError extends CloudflareApiError {}

/**
 * No HTTP answer arrived (connection reset, timeout). For a non-idempotent request the
 * server may or may not have applied it: `mayHaveApplied` tells callers to look before retrying.
 */
export class ConnectionError extends Error {
  readonly method: string;
  readonly path: string;
  readonly mayHaveApplied: boolean;

  constructor(request: RequestDescription, cause: string, mayHaveApplied: boolean) {
    super(`Cloudflare API ${request.method} ${request.path} got no answer: ${cause}`);
    this.name = "ConnectionError";
    this.method = request.method;
    this.path = request.path;
    this.mayHaveApplied = mayHaveApplied;
  }
}

/** The one place that maps an HTTP status to an error class. */
export function errorFromResponse(status: number, errors: CloudflareErrorDetail[], request: RequestDescription): CloudflareApiError {
  if (status === 401 || status === 403) return new AuthenticationError(status, errors, request);
  if (status === 404) return new NotFoundError(status, errors, request);
  if (status === 429) return new RateLimitError(status, errors, request);
  if (status >= 500) return new ServerError(status, errors, request);
  if (status >= 400) return new ValidationError(status, errors, request);
  return new CloudflareApiError(status, errors, request);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof NotFoundError;
}

/** What tells one Cloudflare answer from another: the status, the code and a fragment of the message. */
export interface ErrorPattern {
  status?: number;
  code?: number;
  includes?: string;
}

/**
 * Whether `error` is Cloudflare's answer of this kind. The API documents few of its codes, so
 * real clients tell errors apart as this does: by status, code and message fragment together.
 */
export function isApiError(error: unknown, pattern: ErrorPattern): error is CloudflareApiError {
  if (!(error instanceof CloudflareApiError)) return false;
  if (pattern.status !== undefined && error.status !== pattern.status) return false;
  if (pattern.code === undefined && pattern.includes === undefined) return true;
  return error.errors.some(
    (detail) =>
      (pattern.code === undefined || detail.code === pattern.code) && (pattern.includes === undefined || detail.message.toLowerCase().includes(pattern.includes.toLowerCase())),
  );
}
