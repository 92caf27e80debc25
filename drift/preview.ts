/**
 * What `pulumi preview --refresh --json` says drifted. Pulumi 3.259 writes each refresh step
 * with the stack's state in both `oldState` and `newState`; the live state is the `oldState` of
 * the same resource's later step (an update), and a later `create` means the object is gone.
 * A refresh step whose `newState` differs (as a refresh preview could carry it) is read as live.
 */
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";

const state = z.object({
  urn: z.string(),
  id: z.string().optional(),
  type: z.string(),
  outputs: z.record(z.unknown()).default({}),
  modified: z.string().optional(),
});
type State = z.infer<typeof state>;

export const driftPreviewSchema = z.object({
  config: z.record(z.unknown()).optional(),
  steps: z.array(z.object({ op: z.string(), urn: z.string(), oldState: state.optional(), newState: state.optional() })).default([]),
});
export type DriftPreview = z.infer<typeof driftPreviewSchema>;

export const KINDS = ["ResourceGroup", "UserGroup", "UserGroupMembers", "UserGroupMember", "SSOConnector", "OAuthClient"] as const;
export type Kind = (typeof KINDS)[number];
const OUR_TYPE = "pulumi-nodejs:dynamic/cloudflare-iam:";

export interface DriftedResource {
  urn: string;
  type: string;
  kind: Kind;
  name: string;
  id: string;
  /** The stack's state of it. */
  stack: Record<string, unknown>;
  /** Its live state; `undefined` when it is gone. */
  live?: Record<string, unknown>;
  /** When the stack last wrote it: drift came after. */
  stackModified?: Date;
}

export const kindOf = (type: string): Kind | undefined => {
  const kind = type.startsWith(OUR_TYPE) ? type.slice(OUR_TYPE.length) : undefined;
  return (KINDS as readonly string[]).includes(kind ?? "") ? (kind as Kind) : undefined;
};

const withoutProvider = ({ __provider: _provider, ...outputs }: Record<string, unknown>) => outputs;
const dateOf = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined);

/** The live state of a refreshed resource: `undefined` gone, `null` not told by this preview. */
function liveOf(refreshed: State, later: DriftPreview["steps"][number] | undefined, refreshNew: State | undefined): State | undefined | null {
  if (refreshNew && !isDeepStrictEqual(refreshNew.outputs, refreshed.outputs)) return refreshNew;
  if (!later) return null;
  if (later.op === "create" && !later.oldState) return undefined;
  return later.oldState ?? null;
}

/** Every resource of this package whose live state differs from the stack's. */
export function driftedResources(preview: DriftPreview): DriftedResource[] {
  // By URN: the engine refreshes in parallel, so step order varies from run to run.
  const refreshes = preview.steps.filter((s) => s.op === "refresh" && s.oldState && kindOf(s.oldState.type)).sort((a, b) => a.urn.localeCompare(b.urn));
  return refreshes.flatMap(({ oldState, newState, urn }) => {
    const refreshed = oldState!;
    const live = liveOf(
      refreshed,
      preview.steps.find((s) => s.op !== "refresh" && s.urn === urn),
      newState,
    );
    if (live === null || !refreshed.id) return [];
    const stack = withoutProvider(refreshed.outputs);
    const liveOutputs = live && withoutProvider(live.outputs);
    if (liveOutputs && isDeepStrictEqual(stack, liveOutputs)) return [];
    return [
      {
        urn,
        type: refreshed.type,
        kind: kindOf(refreshed.type)!,
        name: urn.split("::").pop() ?? urn,
        id: refreshed.id,
        stack,
        live: liveOutputs,
        stackModified: dateOf(refreshed.modified),
      },
    ];
  });
}

/** The account of the preview: the stack's setting, else the first resource's. */
export function driftAccountId(preview: DriftPreview): string | undefined {
  const configured = preview.config?.["cloudflare-iam:accountId"];
  if (typeof configured === "string" && configured !== "[secret]") return configured;
  const named = preview.steps.map((s) => s.oldState?.outputs.accountId).find((id) => typeof id === "string");
  return named as string | undefined;
}

/** Whether the JSON holds the program's steps at all: `pulumi refresh --preview-only --json` does not. */
export const hasProgramSteps = (preview: DriftPreview) => preview.steps.some((s) => s.op !== "refresh");
