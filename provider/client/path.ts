/**
 * Tagged template for API paths: every interpolated value is one encoded path segment,
 * so an id can never add a segment or a query string.
 */
export function apiPath(strings: TemplateStringsArray, ...segments: string[]): string {
  return strings.slice(1).reduce((out, literal, i) => {
    const segment = segments[i];
    if (segment === "" || segment === "." || segment === "..") {
      throw new Error(`invalid path segment ${JSON.stringify(segment)}`);
    }
    return out + encodeURIComponent(segment) + literal;
  }, strings[0]);
}
