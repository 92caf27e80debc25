import * as pulumi from "@pulumi/pulumi";
import { AuthenticationError } from "../provider/client";
import { TOKEN_ADVICE } from "../provider/config";

/**
 * Runs program-side work (a data source, an access file) so that its failure reaches the user
 * as one clean line: Pulumi prints a RunError's message without a stack trace or object dump.
 */
export async function cleanly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asRunError(error);
  }
}

export function asRunError(error: unknown): pulumi.RunError {
  if (error instanceof pulumi.RunError) return error;
  // The program reads the token as the provider does: from the stack config, then the environment.
  if (error instanceof AuthenticationError) return new pulumi.RunError(`${error.message}. ${TOKEN_ADVICE.stack}`);
  return new pulumi.RunError(error instanceof Error ? error.message : String(error));
}
