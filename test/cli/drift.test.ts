/** `cloudflare-iam drift` as a user runs it: what it refuses, and a preview without drift. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NO_DRIFT } from "../../drift/report";
import { cloudflareIam } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "drift-cli-"));
const file = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === "string" ? body : JSON.stringify(body));
  return path;
};
// No token and no base URL: none of these may call the API.
const drift = (args: string[]) => cloudflareIam(["drift", ...args], { PATH: process.env.PATH });
const TYPE = "pulumi-nodejs:dynamic/cloudflare-iam:UserGroup";
const state = { urn: `urn:pulumi:s::p::${TYPE}::team`, id: "g", type: TYPE, outputs: { name: "SRE" } };
const refresh = { op: "refresh", urn: state.urn, oldState: state, newState: state };

it("a preview without drift says so, exit 0, without calling the API", async () => {
  const run = await drift([file("none.json", { steps: [refresh, { op: "same", urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s" }] })]);
  expect(run).toEqual({ code: 0, stdout: `${NO_DRIFT}\n`, stderr: "" });
  expect(JSON.parse((await drift([file("none.json", { steps: [] }), "--format", "json"])).stdout)).toEqual([]);
});

it("refuses the JSON of `pulumi refresh --preview-only`, which repeats the stack's state, in one line, exit 1", async () => {
  const run = await drift([file("refresh.json", { steps: [refresh] })]);
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split("\n")).toEqual([
    expect.stringContaining("holds only refresh steps, which repeat the stack's state: feed `pulumi preview --refresh --json` instead"),
  ]);
});

it("refuses what is not preview JSON, in one line, exit 1", async () => {
  const run = await drift([file("bad.json", "not json")]);
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
});
