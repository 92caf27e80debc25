/**
 * Every resource's outputs carry `stateVersion`, the shape they were written in. Old state is
 * upgraded by the definition's `migrate` before read, diff, update or delete uses it, so a change
 * of output shape never reaches `diff` as drift; state from a newer release is refused.
 */
import { ProviderError } from "./errors";

/** State written before outputs carried a version has the shape of version 1. */
export const UNVERSIONED = 1;

export interface StateShape<Outputs> {
  /** The shape this release writes; bump it with every change of the outputs' shape. */
  version: number;
  /** Upgrades outputs written at version `from` (older than `version`) to today's shape. */
  migrate?(old: Record<string, unknown>, from: number): Outputs;
}

export type Versioned<Outputs> = Outputs & { stateVersion: number };

export function stamped<Outputs extends object>(outputs: Outputs, shape: StateShape<Outputs>): Versioned<Outputs> {
  return { ...outputs, stateVersion: shape.version };
}

/** The outputs in today's shape, however old the state that holds them. */
export function upgraded<Outputs extends object>(label: string, state: object, shape: StateShape<Outputs>): Outputs {
  const { stateVersion, ...outputs } = state as Record<string, unknown>;
  const from = stateVersion === undefined ? UNVERSIONED : stateVersion;
  if (typeof from !== "number" || !Number.isInteger(from) || from < 1) {
    throw new ProviderError(`${label} state has stateVersion ${JSON.stringify(from)}, which is not a version this package wrote`);
  }
  if (from > shape.version) {
    throw new ProviderError(`${label} state was written by a newer pulumi-cloudflare-iam (state version ${from}; this one reads up to ${shape.version}): upgrade the package`);
  }
  if (from === shape.version) return outputs as Outputs;
  if (!shape.migrate) throw new ProviderError(`${label} has no migration from state version ${from} to ${shape.version}`);
  return shape.migrate(outputs, from);
}
