/** Generated v2 audit-log entries in the shapes AUDIT-LOG-FACTS.md records, for property tests. */
import fc from "fast-check";

/** A field left out of the JSON. */
const ABSENT = Symbol("absent");
/** A field as the API may send it: the value, `null`, or left out. */
const maybe = <T>(value: fc.Arbitrary<T>) => fc.oneof(value, fc.constant(null), fc.constant(ABSENT));
export const withMaybe = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, maybe(v)]))).map(present);
/** The object without its left-out fields. */
function present(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ABSENT));
}

export const text = fc.string({ maxLength: 12 });
// fact 109: six live contexts and whatever comes next; fact 110: four types, delegated_service and more.
const context = fc.oneof(fc.constantFrom("api", "api_key", "api_token", "dash", "oauth", "origin_ca_key"), text);
const actorType = fc.oneof(fc.constantFrom("user", "account", "cloudflare_admin", "system", "delegated_service", "Cloudflare_admin"), text);
// fact 111: untyped, and an array live.
const untyped = fc.oneof(fc.constant({}), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue());

export const entry = fc
  .record({
    id: maybe(fc.uuid()),
    action: maybe(
      withMaybe({
        description: text,
        result: fc.constantFrom("success", "failure"),
        time: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          text,
        ),
        type: fc.constantFrom("create", "update", "delete", "view"),
      }),
    ),
    actor: maybe(withMaybe({ id: text, context, email: text, ip_address: text, token_id: text, token_name: text, type: actorType, token: withMaybe({ id: text, name: text }) })),
    raw: maybe(
      withMaybe({
        cf_ray_id: text,
        method: fc.constantFrom("POST", "PUT", "PATCH", "DELETE"),
        status_code: fc.oneof(fc.integer(), text),
        uri: fc.oneof(text, fc.constant("/accounts/023e105f4ecef8ad9ca31a8372d0c353/iam/user_groups/0a1b2c3d4e5f60718293a4b5c6d7e8f9")),
        user_agent: text,
      }),
    ),
    resource: maybe(
      withMaybe({ id: fc.oneof(text, fc.constant("0a1b2c3d4e5f60718293a4b5c6d7e8f9")), product: text, request: untyped, response: untyped, scope: untyped, type: text }),
    ),
    zone: maybe(withMaybe({ id: text, name: text })),
    unknown_field: fc.jsonValue(),
  })
  .map(present);
