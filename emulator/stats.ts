/** Request counters per method, route template and status; the benchmarks and tests read them. */
export interface StatsSnapshot {
  total: number;
  byMethod: Record<string, number>;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  /** `"PUT /accounts/:account_id/iam/user_groups/:user_group_id/members 404"`: what the bench's accounting needs. */
  byRouteStatus: Record<string, number>;
  injected: { rateLimited: number; serverErrors: number; dropped: number; delayed: number };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export class Stats {
  private data: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return { total: 0, byMethod: {}, byRoute: {}, byStatus: {}, byRouteStatus: {}, injected: { rateLimited: 0, serverErrors: 0, dropped: 0, delayed: 0 } };
  }

  /** Counts a request; returns its route key, for `answered`. */
  record(method: string, route: string): string {
    this.data.total++;
    bump(this.data.byMethod, method);
    const key = `${method} ${route}`;
    bump(this.data.byRoute, key);
    return key;
  }

  /** `route` is the key `record` counted the request under; undefined for a request not yet routed. */
  answered(status: number | "dropped", route = "(no route)"): void {
    bump(this.data.byStatus, String(status));
    bump(this.data.byRouteStatus, `${route} ${status}`);
  }

  injected(kind: keyof StatsSnapshot["injected"]): void {
    this.data.injected[kind]++;
  }

  snapshot(): StatsSnapshot {
    return JSON.parse(JSON.stringify(this.data)) as StatsSnapshot;
  }

  reset(): void {
    this.data = Stats.empty();
  }
}
