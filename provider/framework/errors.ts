/** Errors the provider shows people: one line each, with no stack trace for the engine to print. */

export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProviderError";
    // The engine prints `${error}: ${error.stack}`; a stack is noise for a user-facing error.
    this.stack = "";
  }
}

/**
 * Thrown by a create whose object exists but whose later steps failed. The engine then records
 * the object in state (as "created, failed to initialise") instead of losing track of it, and
 * the next `up` finishes the job as an update.
 */
export class CreatedButIncomplete extends Error {
  constructor(
    readonly id: string,
    readonly outputs: object,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The shape the dynamic-provider host turns into ErrorResourceInitFailed (id, properties, reasons). */
export class InitFailed extends ProviderError {
  constructor(
    readonly id: string,
    readonly properties: object,
    message: string,
  ) {
    super(message);
  }

  get reasons(): string[] {
    return [this.message];
  }
}
