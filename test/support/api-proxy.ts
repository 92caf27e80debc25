/**
 * A recording proxy in front of an emulator, for tests that must see exactly what the provider
 * sends (methods, page parameters, bodies) or make it read one exact answer of the real API that
 * the emulator never gives (`result: null` where it sends `[]`, an error it does not model).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RunningEmulator } from "../../emulator";
import { configureFor } from "./provider";

export interface SeenRequest {
  method: string;
  /** Under the API prefix, with the account id written as `:account`: `/accounts/:account/iam/user_groups`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** An answer that replaces the emulator's: a status and a JSON body. */
export interface ScriptedAnswer {
  status: number;
  body: unknown;
}

/** Decides, for one request, whether to answer it here (a ScriptedAnswer) or pass it on (undefined). */
export type Script = (request: SeenRequest) => ScriptedAnswer | undefined;

export interface ApiProxy {
  baseUrl: string;
  token: string;
  accountId: string;
  /** Every API request since the last `reset`, in order. */
  requests: SeenRequest[];
  /** Answers that `script` takes from the emulator, until the next `reset`. */
  script(script: Script): void;
  reset(): void;
}

/** A Cloudflare v4 failure envelope, as the real API sends it. */
export const failure = (status: number, code: number, message: string): ScriptedAnswer => ({
  status,
  body: { success: false, errors: [{ code, message }], messages: [], result: null },
});

/** A Cloudflare v4 success envelope around `result` (and `result_info`, when given). */
export const success = (result: unknown, resultInfo?: object): ScriptedAnswer => ({
  status: 200,
  body: { success: true, errors: [], messages: [], result, ...(resultInfo ? { result_info: resultInfo } : {}) },
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Starts a proxy for the test file's emulator; the provider is pointed at the proxy, not the emulator. */
export function useApiProxy(emulator: () => RunningEmulator): () => ApiProxy {
  let server: Server | undefined;
  let proxy: ApiProxy | undefined;
  let current: Script = () => undefined;

  beforeAll(async () => {
    const target = emulator();
    const prefix = new URL(target.baseUrl).pathname;
    const requests: SeenRequest[] = [];
    server = createServer(async (req, res) => {
      const url = new URL(req.url ?? "/", target.baseUrl);
      const text = await readBody(req);
      const seen: SeenRequest = {
        method: req.method ?? "GET",
        path: url.pathname.slice(prefix.length).replace(target.accountId, ":account"),
        query: url.searchParams,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(seen);
      const scripted = current(seen);
      if (scripted) {
        res.writeHead(scripted.status, { "content-type": "application/json" });
        res.end(JSON.stringify(scripted.body));
        return;
      }
      const answer = await fetch(`${target.baseUrl}${url.pathname.slice(prefix.length)}${url.search}`, {
        method: seen.method,
        headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
        body: text || undefined,
      }).catch(() => undefined);
      // The emulator dropped the connection (an injected lost answer): so does the proxy.
      if (!answer) return void req.socket.destroy();
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    proxy = {
      baseUrl: `http://127.0.0.1:${port}${prefix}`,
      token: target.token,
      accountId: target.accountId,
      requests,
      script: (script) => {
        current = script;
      },
      reset: () => {
        requests.length = 0;
        current = () => undefined;
      },
    };
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });
  return () => {
    if (!proxy) throw new Error("the API proxy is not running");
    return proxy;
  };
}

/** The requests of one method to paths matching `path`. */
export const requestsTo = (proxy: ApiProxy, method: string, path: RegExp) => proxy.requests.filter((r) => r.method === method && path.test(r.path));

/** For one describe block: the provider talks to a proxy of the emulator, and to the emulator itself again after. */
export function useProxiedProvider(emulator: () => RunningEmulator): () => ApiProxy {
  const proxy = useApiProxy(emulator);
  beforeAll(() => configureFor(proxy()));
  beforeEach(() => proxy().reset());
  afterAll(() => configureFor(emulator()));
  return proxy;
}
