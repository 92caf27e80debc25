/**
 * The lifecycle fixture (test/e2e/fixtures/lifecycle: one of every resource type) as a stack on
 * its own emulator, for the e2e files that each run one independent story.
 */
import { join } from "node:path";
import { accountMembers, type RunningEmulator } from "../../emulator";
import { admin } from "./emulator";
import { PulumiWorkspace, refreshChanges } from "./pulumi";

export const LIFECYCLE_PROGRAM = join(__dirname, "../e2e/fixtures/lifecycle");
export const memberIds = accountMembers.slice(0, 4).map((m) => m.id);

export interface Account {
  resourceGroups: Record<string, { name: string; scope: { objects: { key: string }[] }; meta: { editable: string } }>;
  userGroups: Record<string, { name: string; policies: { id: string }[]; members: Record<string, string> }>;
  ssoConnectors: Record<string, { email_domain: string; use_fedramp_language: boolean }>;
  oauthClients: Record<string, { client_name: string; scopes: string[]; secret: string; rotated_secret?: string }>;
  departedMembers: string[];
}

export const accountOf = (emulator: RunningEmulator) => admin<Account>(emulator, "GET", "/state");

export class LifecycleStack extends PulumiWorkspace {
  constructor(
    readonly emulator: RunningEmulator,
    stack: string,
    extraEnv: Record<string, string> = {},
  ) {
    super(LIFECYCLE_PROGRAM, stack, extraEnv);
  }

  async create(config: Record<string, string> = {}): Promise<this> {
    await this.initFor(this.emulator, { memberIds: JSON.stringify(memberIds), ...config });
    return this;
  }

  up(...flags: string[]): Promise<string> {
    return this.ok(["up", "--yes", "--skip-preview", ...flags, "--stack", this.stack]);
  }

  async refreshed(): Promise<ReturnType<typeof refreshChanges>> {
    return refreshChanges(await this.ok(["refresh", "--yes", "--skip-preview", "--diff", "--stack", this.stack]));
  }

  setConfig(key: string, value: string): Promise<string> {
    return this.ok(["config", "set", key, value, "--stack", this.stack]);
  }

  /** The stack's outputs: the ids the program exports. */
  async ids(): Promise<Record<string, string>> {
    return (await this.outputs()) as Record<string, string>;
  }

  remove(): Promise<unknown> {
    return this.run(["stack", "rm", "--yes", "--force", this.stack]);
  }
}

/** The account's own resource groups: Cloudflare's predefined system group is not the program's. */
export const ownResourceGroups = (account: Account) => Object.values(account.resourceGroups).filter((g) => g.meta.editable !== "false");

/** The account holds exactly what the base variant of the program declares, `members` in the team. */
export function expectAccountMatchesProgram(account: Account, members: string[] = memberIds, teamName = "e2e team"): void {
  const groups = Object.values(account.userGroups);
  expect(ownResourceGroups(account).map((g) => [g.name, g.scope.objects.length])).toEqual([["e2e zones", 2]]);
  expect(groups.map((g) => g.name).sort()).toEqual(["e2e shared", teamName].sort());
  const team = groups.find((g) => g.name === teamName)!;
  expect(team.policies).toHaveLength(2);
  expect(Object.keys(team.members).sort()).toEqual([...members].sort());
  expect(Object.keys(groups.find((g) => g.name === "e2e shared")!.members)).toEqual([memberIds[0]]);
  expect(Object.values(account.ssoConnectors).map((c) => [c.email_domain, c.use_fedramp_language])).toEqual([["e2e.example.com", false]]);
  expect(Object.values(account.oauthClients).map((c) => [c.client_name, c.scopes])).toEqual([["e2e client", ["offline_access", "zone.dns.write", "zone.read"]]]);
}
