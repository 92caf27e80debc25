/**
 * The API tokens the emulator accepts, each with the id and name the audit log records
 * (`actor.token_id`, `actor.token_name`, fact 109) and the actor it acts for.
 */
import { ApiFailure, ErrorCodes } from "./api-error";
import { stableId } from "./ids";

export interface TokenOptions {
  /** The secret sent as `Authorization: Bearer <value>`. */
  value: string;
  id?: string;
  name?: string;
  /** The email of the user who owns it; an account-owned token (fact 125: SCIM's) has none. */
  email?: string;
  /** fact 119: the audit logs answer only a token holding Account Settings Read (default true). */
  accountSettingsRead?: boolean;
  /** Reads only: every write is refused (`readOnlyToken`). */
  readOnly?: boolean;
}

export interface Token {
  value: string;
  id: string;
  name: string;
  email?: string;
  accountSettingsRead: boolean;
  readOnly: boolean;
}

/** A token's defaults: an id derived from its value, so it is the same on every start. */
export function tokenOf(options: TokenOptions): Token {
  return {
    value: options.value,
    id: options.id ?? stableId("token", options.value),
    name: options.name ?? "emulator token",
    email: options.email,
    accountSettingsRead: options.accountSettingsRead ?? true,
    readOnly: options.readOnly ?? false,
  };
}

export class Tokens {
  private readonly byValue = new Map<string, Token>();

  constructor(tokens: TokenOptions[]) {
    for (const t of tokens) this.add(t);
  }

  add(options: TokenOptions): Token {
    const token = tokenOf(options);
    this.byValue.set(token.value, token);
    return token;
  }

  /** The token a request sent; 403 (code 10000) for one the emulator does not know. */
  identify(value: string): Token {
    const token = this.byValue.get(value);
    if (!token) throw new ApiFailure(403, ErrorCodes.authentication, "Authentication error: invalid API token");
    return token;
  }

  /** Without the secret: what the admin routes show. */
  list(): Omit<Token, "value">[] {
    return [...this.byValue.values()].map(({ value: _value, ...shown }) => shown);
  }
}
