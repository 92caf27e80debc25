/**
 * The account's audit log: every successful write, recorded once in the v2 shape (fact 108) and
 * in the v1 shape with before and after values (facts 112, 122), with the actor who made it.
 * Reads and refused writes are not recorded (fact 113). An ingestion delay (fact 114) lists an
 * entry only once it is that old, by the delay set at the time of listing, so a test can hold
 * entries back and then let them arrive. Kept in memory: a restarted emulator starts with an empty log.
 *
 * fact 124 leaves `resource.product`, `resource.type` and `resource.id` unknown for IAM objects;
 * the emulator picks values (docs/emulator.md) that no client should rely on.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { stableId } from "./ids";
import type { AccountState } from "./store";
import type { Token } from "./tokens";

/** Who made a write: a token, or a person in the dashboard (`context: dash`). */
export type Actor = { kind: "token"; token: Token } | { kind: "dashboard"; email: string };

export interface WriteRequest {
  actor: Actor;
  method: string;
  /** The path under /client/v4, e.g. `/accounts/{a}/iam/user_groups/{id}`. */
  path: string;
  body: unknown;
  result: unknown;
  status: number;
  ip: string;
  userAgent: string;
  rayId: string;
}

interface Recorded {
  at: number;
  v2: Record<string, unknown>;
  v1: Record<string, unknown>;
}

const ACTION_TYPES: Record<string, string> = { POST: "create", PUT: "update", PATCH: "update", DELETE: "delete" };
/** A POST to one of these is an action on an existing object, not a create. */
const ACTIONS = new Set(["rotate_secret", "begin_verification"]);

/** The emulator's choice of product and type for a path (fact 124: the real values are unknown). */
type Collection = "userGroups" | "resourceGroups" | "ssoConnectors" | "oauthClients";
const RESOURCES: [RegExp, string, string, Collection][] = [
  [/^\/accounts\/[^/]+\/iam\/user_groups\/([^/]+)\/members(?:\/([^/]+))?/, "iam", "user_group.member", "userGroups"],
  [/^\/accounts\/[^/]+\/iam\/user_groups(?:\/([^/]+))?/, "iam", "user_group", "userGroups"],
  [/^\/accounts\/[^/]+\/iam\/resource_groups(?:\/([^/]+))?/, "iam", "resource_group", "resourceGroups"],
  [/^\/accounts\/[^/]+\/sso_connectors(?:\/([^/]+))?/, "sso", "sso_connector", "ssoConnectors"],
  [/^\/accounts\/[^/]+\/oauth_clients(?:\/([^/]+))?/, "oauth", "oauth_client", "oauthClients"],
];

/** The id of the object a write made or changed: the path's, else the answer's (a create). */
function objectOf(path: string, result: unknown) {
  for (const [pattern, product, type, collection] of RESOURCES) {
    const found = pattern.exec(path);
    if (!found) continue;
    const answer = (result ?? {}) as { id?: unknown; client_id?: unknown };
    const made = typeof answer.id === "string" ? answer.id : typeof answer.client_id === "string" ? answer.client_id : undefined;
    return { product, type, collection, objectId: found[1] ?? made, id: found[2] ?? found[1] ?? made };
  }
  return { product: "account", type: "account", collection: undefined, objectId: undefined, id: undefined };
}

/** An object's stored record without its secrets, as v1's before and after values. */
function valueIn(account: AccountState, collection: Collection | undefined, id: string | undefined): unknown {
  if (!collection || !id) return null;
  const record = (account[collection] as unknown as Record<string, Record<string, unknown>>)[id];
  if (!record) return null;
  const { secret: _secret, rotated_secret: _rotated, ...shown } = record;
  return shown;
}

export const newRayId = () => `${randomBytes(8).toString("hex")}-EMU`;

export class AuditLog {
  private readonly entries: Recorded[] = [];

  constructor(
    private readonly accountId: string,
    /** fact 114: how long an entry takes to appear in the lists. */
    public delayMs = 0,
  ) {}

  /** A copy of the account before a write, for v1's `oldValue`. */
  static before(account: AccountState): AccountState {
    return structuredClone(account);
  }

  record(write: WriteRequest, before: AccountState, after: AccountState): void {
    const time = new Date().toISOString();
    const id = randomUUID();
    const last = write.path.split("/").pop() ?? "";
    const actionType = write.method === "POST" && ACTIONS.has(last) ? "update" : ACTION_TYPES[write.method];
    const object = objectOf(write.path, write.result);
    const actor = this.actorOf(write);
    const oldValue = valueIn(before, object.collection, object.objectId);
    const newValue = valueIn(after, object.collection, object.objectId);
    this.entries.push({
      at: Date.parse(time),
      v2: {
        id,
        account: { id: this.accountId, name: "Emulated account" },
        action: { description: `${actionType} ${object.type}`, result: "success", time, type: actionType },
        actor: actor.v2,
        raw: { cf_ray_id: write.rayId, method: write.method, status_code: write.status, uri: write.path, user_agent: write.userAgent },
        resource: {
          id: object.id ?? null,
          product: object.product,
          request: write.body ?? null,
          response: write.result ?? null,
          scope: { id: this.accountId, type: "accounts" },
          type: object.type,
        },
        zone: null,
      },
      v1: {
        id,
        action: { result: true, type: actionType },
        actor: actor.v1,
        interface: write.actor.kind === "dashboard" ? "UI" : "API",
        metadata: { uri: write.path, method: write.method, ...(write.actor.kind === "token" ? { token_name: write.actor.token.name, token_id: write.actor.token.id } : {}) },
        newValue: newValue === null ? "" : JSON.stringify(newValue),
        oldValue: oldValue === null ? "" : JSON.stringify(oldValue),
        newValueJson: newValue,
        oldValueJson: oldValue,
        owner: { id: this.accountId },
        resource: { id: object.id ?? null, type: object.type },
        when: time,
      },
    });
  }

  private actorOf(write: WriteRequest) {
    if (write.actor.kind === "dashboard") {
      const userId = stableId("user", write.actor.email);
      return {
        v2: { id: userId, context: "dash", email: write.actor.email, ip_address: write.ip, token_id: null, token_name: null, type: "user" },
        v1: { email: write.actor.email, id: userId, ip: write.ip, type: "user" },
      };
    }
    const { token } = write.actor;
    // fact 125: an account-owned token (SCIM's) acts as the account, with no user email.
    const type = token.email ? "user" : "account";
    const actorId = token.email ? stableId("user", token.email) : token.id;
    return {
      v2: { id: actorId, context: "api_token", email: token.email ?? null, ip_address: write.ip, token_id: token.id, token_name: token.name, type },
      v1: { email: token.email ?? "", id: actorId, ip: write.ip, type },
    };
  }

  /** The entries that have arrived, oldest first: those at least `delayMs` old, by the delay set now. */
  arrived(now = Date.now()): Recorded[] {
    return this.entries.filter((e) => e.at + this.delayMs <= now);
  }
}
