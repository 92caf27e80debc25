import * as pulumi from "@pulumi/pulumi";
import { allAccountMembers, type AccountMember as Membership } from "../../account/account-members";
import { allPermissionGroups } from "../../account/permission-groups";
import { AccountMember } from "../account-member";
import { asRunError, cleanly } from "../errors";
import { OAuthClient } from "../oauth-client";
import { ResourceGroup } from "../resource-group";
import { programClient, requireAccountId } from "../settings";
import { SSOConnector } from "../sso-connector";
import { UserGroup } from "../user-group";
import { UserGroupMembers } from "../user-group-members";
import { invites, type ResolvedUserGroup, refOf, resolveNames } from "./resolve";
import { type AccessSpec, type AccessSpecInput, type MemberRef, parseAccessSpec, readAccessFile } from "./spec";

interface Resolved {
  groups: ResolvedUserGroup[];
  members: Membership[];
}

/** How one person is known in the file and in the account: an address (lower-cased) or a membership id. */
const personKey = (ref: MemberRef) => refOf(ref).toLowerCase();

/**
 * The people the component manages as AccountMembers (docs/access-files.md): everyone a group
 * names when the file has a `members` section, else only those it may invite.
 */
function managedPeople(spec: AccessSpec): string[] {
  const refs = spec.userGroups.flatMap((g) => g.members ?? []);
  return [...new Set(refs.filter((ref) => spec.members !== undefined || invites(spec, ref)).map(personKey))];
}

export interface AccessPolicyArgs {
  /** A YAML or JSON access file. */
  file?: string;
  /** The same description inline, instead of a file. */
  spec?: AccessSpecInput;
  accountId?: string;
}

/** `team a/SRE` -> `team-a-sre`: child names follow the file's names, never their order. */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, "-")
      .replace(/^-|-$/g, "") || "unnamed"
  );
}

/**
 * Access as code: expands a reviewable access description into this package's resources,
 * resolving permission groups by name and members by email. Every name is checked at preview,
 * before any child is registered, so a bad entry changes nothing.
 */
export class AccessPolicy extends pulumi.ComponentResource {
  readonly resourceGroups: Record<string, ResourceGroup> = {};
  readonly userGroups: Record<string, UserGroup> = {};
  readonly members: Record<string, UserGroupMembers> = {};
  /** By address or membership id, as the file names them. */
  readonly accountMembers: Record<string, AccountMember> = {};
  readonly ssoConnectors: Record<string, SSOConnector> = {};
  readonly oauthClients: Record<string, OAuthClient> = {};

  constructor(name: string, args: AccessPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cloudflare-iam:index:AccessPolicy", name, {}, opts);
    if (!args.file === !args.spec) throw new Error(`AccessPolicy ${name}: give exactly one of file and spec`);
    const source = args.file ?? `AccessPolicy ${name}`;
    let spec: AccessSpec;
    let accountId: string;
    try {
      spec = parseAccessSpec(args.file ? readAccessFile(args.file) : args.spec, source);
      accountId = requireAccountId(args.accountId);
    } catch (error) {
      throw asRunError(error);
    }
    const parent = { parent: this };

    // Every child waits for this (through its accountId): an unknown name fails the preview
    // before any child is registered, so nothing is sent.
    const resolved = pulumi.output(cleanly(() => this.resolve(spec, accountId, source)));
    const account = resolved.apply(() => accountId);
    const membershipOf = (key: string) => resolved.apply((r) => r.members.find((m) => m.id === key || m.email === key));

    // Without offboard, dropping a person from the file only takes them out of its groups.
    const retainOnDelete = !spec.members?.offboard;
    for (const key of managedPeople(spec)) {
      this.accountMembers[key] = new AccountMember(
        `${name}/member/${slug(key)}`,
        {
          accountId: account,
          email: membershipOf(key).apply((m) => m?.email ?? key),
          // Someone already in the account is taken over, never re-invited; what they hold directly is left alone.
          adoptId: membershipOf(key).apply((m) => m?.id),
          adoptExisting: true,
        },
        { ...parent, retainOnDelete },
      );
    }

    for (const entry of spec.resourceGroups) {
      this.resourceGroups[entry.name] = new ResourceGroup(
        `${name}/resource-group/${slug(entry.key ?? entry.name)}`,
        {
          accountId: account,
          name: entry.name,
          scope: { key: entry.scope.key, objects: entry.scope.objects.map((key) => ({ key })) },
          adoptId: entry.adoptId,
        },
        parent,
      );
    }

    spec.userGroups.forEach((entry, g) => {
      const resourceGroupId = (ref: string) => this.resourceGroups[ref]?.id ?? ref;
      const group = new UserGroup(
        `${name}/user-group/${slug(entry.key ?? entry.name)}`,
        {
          accountId: account,
          name: entry.name,
          policies: resolved.apply((r) =>
            entry.policies.map((policy, p) => ({
              access: policy.access,
              permissionGroups: r.groups[g].permissionGroupIds[p],
              resourceGroups: policy.resourceGroups.map(resourceGroupId),
              scopes: policy.scopes.map((scope) => ({ key: scope.key, objects: scope.objects.map((key) => ({ key })) })),
            })),
          ),
          adoptId: entry.adoptId,
        },
        // A SCIM group cannot be deleted through the API: dropping it from the file lets it go.
        { ...parent, retainOnDelete: entry.scim },
      );
      this.userGroups[entry.name] = group;
      if (entry.members) {
        // A person the component manages joins through their AccountMember's id, so the engine invites them first.
        const firsts = entry.members.filter((ref, i) => entry.members!.findIndex((other) => personKey(other) === personKey(ref)) === i);
        const memberIds = firsts.map((ref) => {
          const key = personKey(ref);
          if (key in this.accountMembers) return this.accountMembers[key].id;
          const i = entry.members!.indexOf(ref);
          return resolved.apply((r) => {
            const member = r.groups[g].members?.[i];
            return member && "id" in member ? member.id : "";
          });
        });
        this.members[entry.name] = new UserGroupMembers(
          `${name}/members/${slug(entry.key ?? entry.name)}`,
          { accountId: account, userGroupId: group.id, memberIds, adoptId: entry.adoptId },
          parent,
        );
      }
    });

    for (const entry of spec.ssoConnectors) {
      this.ssoConnectors[entry.emailDomain] = new SSOConnector(`${name}/sso/${slug(entry.emailDomain)}`, { ...entry, accountId: resolved.apply(() => accountId) }, parent);
    }

    for (const { key, ...entry } of spec.oauthClients) {
      this.oauthClients[key ?? entry.clientName] = new OAuthClient(
        `${name}/oauth-client/${slug(key ?? entry.clientName)}`,
        { ...entry, accountId: resolved.apply(() => accountId) },
        parent,
      );
    }

    this.registerOutputs({});
  }

  private async resolve(spec: AccessSpec, accountId: string, source: string): Promise<Resolved> {
    const client = programClient();
    const needsMembers = spec.userGroups.some((g) => g.members?.length);
    const [permissionGroups, members] = await Promise.all([allPermissionGroups(client, accountId), needsMembers ? allAccountMembers(client, accountId) : Promise.resolve([])]);
    return { groups: resolveNames(spec, { permissionGroups, members }, source), members };
  }
}
