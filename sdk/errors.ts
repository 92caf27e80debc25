import * as pulumi from "@pulumi/pulumi";

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
  return error instanceof pulumi.RunError ? error : new pulumi.RunError(error instanceof Error ? error.message : String(error));
}
