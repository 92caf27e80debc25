/** What `pulumi preview --refresh --json` says drifted (Pulumi 3.259's shape, and a refresh step that carries the live state). */
import { driftAccountId, driftedResources, driftPreviewSchema, hasProgramSteps } from "../../drift/preview";

const TYPE = "pulumi-nodejs:dynamic/cloudflare-iam:UserGroup";
const urn = (name: string, type = TYPE) => `urn:pulumi:s::p::${type}::${name}`;
const state = (name: string, outputs: Record<string, unknown>, type = TYPE) => ({
  urn: urn(name, type),
  id: `id-${name}`,
  type,
  outputs: { __provider: "code", accountId: "acct", ...outputs },
  modified: "2026-12-02T10:00:00Z",
});
const refresh = (name: string, outputs: Record<string, unknown>, type = TYPE) => ({
  op: "refresh",
  urn: urn(name, type),
  oldState: state(name, outputs, type),
  newState: state(name, outputs, type),
});
const parse = (steps: unknown[], config?: Record<string, unknown>) => driftPreviewSchema.parse({ steps, config });

it("reads the live state from the resource's later step, and a later create as gone", () => {
  const preview = parse([
    refresh("renamed", { name: "SRE" }),
    refresh("deleted", { name: "Ops" }),
    refresh("same", { name: "Same" }),
    { op: "update", urn: urn("renamed"), oldState: state("renamed", { name: "SRE-old" }) },
    { op: "create", urn: urn("deleted") },
  ]);
  const drifted = driftedResources(preview);
  expect(drifted.map((r) => [r.name, r.stack.name, r.live?.name])).toEqual([
    ["deleted", "Ops", undefined],
    ["renamed", "SRE", "SRE-old"],
  ]);
  expect(drifted[1]).toMatchObject({ kind: "UserGroup", id: "id-renamed", stackModified: new Date("2026-12-02T10:00:00Z") });
  expect(drifted[1].stack).not.toHaveProperty("__provider");
});

it("reads a refresh step whose newState differs as the live state", () => {
  const step = { ...refresh("r", { name: "SRE" }), newState: state("r", { name: "SRE-old" }) };
  expect(driftedResources(parse([step])).map((r) => r.live?.name)).toEqual(["SRE-old"]);
});

it("a program change the account does not have is no drift; other packages' resources are not this package's", () => {
  const pending = [refresh("r", { name: "SRE" }), { op: "update", urn: urn("r"), oldState: state("r", { name: "SRE" }) }];
  const other = "aws:s3/bucket:Bucket";
  const foreign = [refresh("b", { name: "x" }, other), { op: "update", urn: urn("b", other), oldState: state("b", { name: "y" }, other) }];
  expect(driftedResources(parse([...pending, ...foreign]))).toEqual([]);
});

it("tells a refresh-only JSON from a preview, and finds the account", () => {
  expect(hasProgramSteps(parse([refresh("r", {})]))).toBe(false);
  expect(hasProgramSteps(parse([refresh("r", {}), { op: "same", urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s" }]))).toBe(true);
  expect(driftAccountId(parse([], { "cloudflare-iam:accountId": "configured" }))).toBe("configured");
  expect(driftAccountId(parse([refresh("r", {})]))).toBe("acct");
});
