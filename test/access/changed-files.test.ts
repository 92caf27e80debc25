/** What a pull request changes besides the access file: each such path is one risk, in the listing's order. */
import { changedPaths, notReviewedPaths } from "../../access/changed-files";
import { plain } from "../../access/text";

const risks = (listing: string, accessFile = "access.yaml") => notReviewedPaths(changedPaths(listing), accessFile).map((r) => [r.kind, plain(r.message)]);
const about = (path: string) => [
  "changed-file",
  `the pull request changes ${path}, not the access file: this review does not cover it, and code, dependencies and workflows run with the preview's token`,
];

it("makes every changed path but the access file a changed-file risk, in order", () => {
  expect(risks("access.yaml\nindex.ts\npackage.json\npackage-lock.json\n.github/workflows/preview.yml\n")).toEqual(
    ["index.ts", "package.json", "package-lock.json", ".github/workflows/preview.yml"].map(about),
  );
});

it("raises nothing for a pull request that changes only the access file", () => {
  expect(risks("access.yaml\n")).toEqual([]);
  expect(risks("")).toEqual([]);
});

it("reads git's listing leniently: CRLF, blank lines, a leading ./ and repeats", () => {
  expect(risks("./access.yaml\r\n\r\nindex.ts\r\n./index.ts\n  \n")).toEqual([about("index.ts")]);
});

it("takes the access file's path in the repository", () => {
  expect(risks("infra/access.yaml\naccess.yaml\n", "./infra/access.yaml")).toEqual([about("access.yaml")]);
});

it("keeps a path a name: its text is data, never our words", () => {
  const [risk] = notReviewedPaths(["<img src=x>\u202e.ts"], "access.yaml");
  expect(risk.message.filter((p) => typeof p !== "string")).toEqual([{ name: "<img src=x>\u202e.ts" }]);
});

describe("git's listing, read exactly", () => {
  const paths = (listing: string) => changedPaths(listing);

  it("drops every leading ./ and only leading ones", () => {
    expect(paths("././access.yaml\ndocs/./v2./notes.md\n")).toEqual(["access.yaml", "docs/./v2./notes.md"]);
  });

  it("drops only the CR that ends a line: one inside a name is the name's", () => {
    expect(paths("odd\rname.ts\r\n")).toEqual(["odd\rname.ts"]);
  });
});
