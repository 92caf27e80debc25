/** Starts an in-process emulator on an ephemeral port for one test file. */
import { type EmulatorOptions, type RunningEmulator, type StatsSnapshot, startEmulator } from "../../emulator";

export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ rateLimit: false, ...options });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error("the emulator is not running");
    return emulator;
  };
}

/** Calls an admin route of an emulator, in process or a separate one (only its adminUrl is needed). */
export async function admin<T = unknown>(emulator: { adminUrl: string }, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.adminUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`admin ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const stats = (emulator: RunningEmulator) => admin<StatsSnapshot>(emulator, "GET", "/stats");
export const resetStats = (emulator: RunningEmulator) => admin(emulator, "DELETE", "/stats");

/** Requests that change state: what "zero write requests" counts. */
export function writeCount(snapshot: StatsSnapshot): number {
  return ["POST", "PUT", "PATCH", "DELETE"].reduce((sum, m) => sum + (snapshot.byMethod[m] ?? 0), 0);
}

interface AccountObjects {
  resourceGroups: Record<string, { meta?: { editable?: string } }>;
  userGroups: Record<string, unknown>;
  ssoConnectors: Record<string, unknown>;
  oauthClients: Record<string, unknown>;
}

/** The ids of everything a program could have made: all but Cloudflare's system resource groups (fact 9). */
export function madeObjectIds(account: AccountObjects): string[] {
  const resourceGroups = Object.entries(account.resourceGroups).filter(([, g]) => g.meta?.editable !== "false");
  return [...resourceGroups.map(([id]) => id), ...[account.userGroups, account.ssoConnectors, account.oauthClients].flatMap((o) => Object.keys(o))];
}
