/**
 * Tagged template for API paths: every interpolated value is one encoded path segment,
 * so an id can never add a segment or a query string.
 */
export function apiPath(strings: TemplateStringsArray, ...segments: string[]): string {
  return strings.reduce((out, literal, i) => {
    if (i === 0) return literal;
    const segment = segments[i - 1];
    if (segment === "" || segment === "." || segment === "..") {
      throw new Error(`invalid path segment ${JSON.stringify(segment)}`);
    }
    return out + encodeURIComponent(segment) + literal;
  }, "");
}
