/** Request counters per method, route template and status; the benchmarks and tests read them. */
export interface StatsSnapshot {
  total: number;
  byMethod: Record<string, number>;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  injected: { rateLimited: number; serverErrors: number; dropped: number; delayed: number };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export class Stats {
  private data: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return { total: 0, byMethod: {}, byRoute: {}, byStatus: {}, injected: { rateLimited: 0, serverErrors: 0, dropped: 0, delayed: 0 } };
  }

  record(method: string, route: string): void {
    this.data.total++;
    bump(this.data.byMethod, method);
    bump(this.data.byRoute, `${method} ${route}`);
  }

  answered(status: number | "dropped"): void {
    bump(this.data.byStatus, String(status));
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
