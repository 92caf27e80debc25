/**
 * What a pull request changes besides the access file. Program code, package.json, lock files
 * and workflows run with the preview's token, and none of them is in the access review: each
 * such path is a risk, so that a reviewer reads it and `--fail-on risk` fails.
 */
import type { Risk } from "./compare";
import { name, text } from "./text";

/** A repository path as `git diff --name-only` writes it, without a leading `./`. */
const normal = (path: string) => path.replace(/^(\.\/)+/, "");

/** The paths of `git diff --name-only` output: one a line, blank lines ignored. */
export const changedPaths = (listing: string): string[] =>
  listing
    .split("\n")
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line.trim() !== "")
    .map(normal);

/** One `changed-file` risk for every changed path that is not the access file, in the listing's order. */
export function notReviewedPaths(paths: string[], accessFile: string): Risk[] {
  const reviewed = normal(accessFile);
  return [...new Set(paths.filter((path) => path !== reviewed))].map((path) => ({
    kind: "changed-file",
    message: text`the pull request changes ${name(path)}, not the access file: this review does not cover it, and code, dependencies and workflows run with the preview's token`,
  }));
}
