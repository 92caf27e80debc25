/**
 * The provider object Pulumi serializes into every resource's state (`__provider`). It is a thin
 * shim: each method loads the real provider from the *installed* package at run time. So the
 * serialized text is tiny and holds no code, config or token, and `refresh` and `destroy` of an
 * old state run today's provider code. The kind names are a contract with old state.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ProviderKind } from "../provider";

export const PROVIDER_MODULE = "pulumi-cloudflare-iam/provider";

const shims = new Map<ProviderKind, dynamic.ResourceProvider>();

function makeShim(kind: ProviderKind): dynamic.ResourceProvider {
  // `require` runs in the provider process, resolving the package from the program's directory.
  const load = (): Required<dynamic.ResourceProvider> => {
    const provider = require("pulumi-cloudflare-iam/provider").providers[kind];
    if (!provider) throw new Error(`the installed pulumi-cloudflare-iam has no "${kind}" provider; upgrade the package`);
    return provider;
  };
  return {
    configure: async (req) => require("pulumi-cloudflare-iam/provider").configure(req.config),
    check: (olds, news) => load().check(olds, news),
    diff: (id, olds, news) => load().diff(id, olds, news),
    create: (inputs) => load().create(inputs),
    read: (id, props) => load().read(id, props),
    update: (id, olds, news) => load().update(id, olds, news),
    delete: (id, props) => load().delete(id, props),
  };
}

/** One shim object per kind: Pulumi caches serialization by object, so each kind serializes once. */
export function providerShim(kind: ProviderKind): dynamic.ResourceProvider {
  let shim = shims.get(kind);
  if (!shim) {
    shim = makeShim(kind);
    shims.set(kind, shim);
  }
  return shim;
}
