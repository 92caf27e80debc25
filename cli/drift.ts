/** `cloudflare-iam drift`: what changed behind the stack's back, from `pulumi preview --refresh --json`, and who did it. */
import { Option } from "commander";
import { name, text } from "../access/text";
import { listAuditEntries, listV1Entries, ownTokenId } from "../account/audit-log";
import { allPermissionGroups } from "../account/permission-groups";
import { command } from "../command-line/program";
import { RETENTION_MONTHS } from "../drift/attribute";
import { type AuditEvidence, driftReport, previewNames } from "../drift/drift";
import { type DriftedResource, type DriftPreview, driftAccountId, driftedResources, driftPreviewSchema, hasProgramSteps } from "../drift/preview";
import { type DriftReport, driftJson, driftMarkdown } from "../drift/report";
import { AuthenticationError, type CloudflareClient } from "../provider/client";
import { resourceGroupsApi } from "../provider/resources/resource-group/api";
import { accountOption, apiClientFromEnvironment, emit, formatOption } from "./program";
import { readPreview } from "./review";

interface DriftOptions {
  format: "markdown" | "json";
  account?: string;
  stackTokenId: string[];
  out?: string;
}

/** fact 119: the one permission attribution needs. */
export const PERMISSION_NOTE = "Who made these changes is not shown: reading the audit log needs a token with the Account Settings Read permission.";

/** The window's start: when the stack last wrote the earliest drifted resource, a second early (fact 100's bounds are unknown), within the retention. */
function windowStart(resources: DriftedResource[], now: Date): Date {
  const oldest = new Date(now);
  oldest.setUTCMonth(oldest.getUTCMonth() - RETENTION_MONTHS);
  const written = resources.flatMap((r) => (r.stackModified ? [r.stackModified.getTime() - 1000] : []));
  return new Date(written.length === resources.length ? Math.max(oldest.getTime(), Math.min(...written)) : oldest.getTime());
}

async function auditEvidence(client: CloudflareClient, accountId: string, resources: DriftedResource[], options: DriftOptions, now: Date): Promise<AuditEvidence> {
  try {
    const since = windowStart(resources, now);
    const entries = await listAuditEntries(client, accountId, since, now);
    // v1 only narrows several candidates down; without it, they stay several.
    const v1 = await listV1Entries(client, accountId, since, now).catch(() => []);
    const own = await ownTokenId(client).catch(() => undefined);
    return { entries, v1, accountId, stackTokenIds: [...options.stackTokenId, ...(own ? [own] : [])] };
  } catch (error) {
    if (error instanceof AuthenticationError) return { unavailable: [PERMISSION_NOTE] };
    return { unavailable: text`Who made these changes is not shown: the audit log could not be read (${name((error as Error).message)}).` };
  }
}

/** Permission-group and resource-group names from the account; ids stand in where they cannot be read. */
async function accountNames(client: CloudflareClient, accountId: string, fromPreview: Map<string, string>) {
  const [permissionGroups, resourceGroups] = await Promise.all([allPermissionGroups(client, accountId).catch(() => []), resourceGroupsApi.list(client, accountId).catch(() => [])]);
  const names = new Map([...permissionGroups.map((g) => [g.id, g.name] as const), ...resourceGroups.map((g) => [g.id, g.name ?? g.id] as const), ...fromPreview]);
  const named = (id: string) => names.get(id) ?? id;
  return { permissionGroup: named, resourceGroup: named, member: named, userGroup: (id: string) => names.get(id) };
}

async function reportOf(preview: DriftPreview, resources: DriftedResource[], options: DriftOptions): Promise<DriftReport> {
  const accountId = options.account ?? driftAccountId(preview);
  if (!accountId) throw new Error("the preview names no account: pass --account <id> (or set CLOUDFLARE_ACCOUNT_ID)");
  const client = apiClientFromEnvironment();
  const now = new Date();
  const names = await accountNames(client, accountId, previewNames(preview));
  return driftReport(resources, names, await auditEvidence(client, accountId, resources, options, now), now);
}

export const driftCommand = () =>
  command("drift")
    .description(
      "Say what changed in the account behind the stack's back, property by property, and who did it, from the JSON of " +
        "`pulumi preview --refresh --json` and the account's audit log (CLOUDFLARE_API_TOKEN with Account Settings Read, CLOUDFLARE_BASE_URL). " +
        "Writes made with this command's token or a --stack-token-id are this stack's own.",
    )
    .argument("[preview]", "the JSON of `pulumi preview --refresh --json`: a file, or - for stdin", "-")
    .addOption(formatOption("report"))
    .addOption(accountOption())
    .addOption(new Option("--stack-token-id <ids...>", "ids of the tokens `pulumi up` writes with, when not the one this command reads with").default([]))
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (file: string, options: DriftOptions) => {
      const parsed = driftPreviewSchema.safeParse(readPreview(file));
      if (!parsed.success) throw new Error(`${file} is not the JSON of \`pulumi preview --refresh --json\`: ${parsed.error.issues[0].message}`);
      const resources = driftedResources(parsed.data);
      if (resources.length === 0 && parsed.data.steps.length && !hasProgramSteps(parsed.data)) {
        throw new Error(`${file} holds only refresh steps, which repeat the stack's state: feed \`pulumi preview --refresh --json\` instead`);
      }
      const report = resources.length ? await reportOf(parsed.data, resources, options) : { items: [], notes: [] };
      emit(options.format === "json" ? `${JSON.stringify(driftJson(report), null, 2)}\n` : driftMarkdown(report), options.out);
    });
