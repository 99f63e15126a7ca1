import { setTimeout as sleep } from 'node:timers/promises';

export interface DomainLimiterOptions {
  maxRequestsPerMinute: number;
  maxConcurrency: number;
  /** Injected in tests: a clock and a sleep that advance virtual time. */
  now?: () => number;
  wait?: (millis: number) => Promise<void>;
}

interface HostState {
  nextStartAt: number;
  inFlight: number;
  waiters: (() => void)[];
  pausedUntil: number;
}

/**
 * Politeness per host: starts of requests to one host are spaced 60000/N ms apart, at most
 * `maxConcurrency` are in flight, and a 429 or block pauses the whole host (`pause`), not just
 * the request that saw it. Hosts never wait on each other.
 */
export class DomainLimiter {
  private readonly hosts = new Map<string, HostState>();
  private readonly intervalMillis: number;
  private readonly now: () => number;
  private readonly wait: (millis: number) => Promise<void>;
  /** Starts granted, by host: what tests count. */
  readonly grants = new Map<string, number>();

  constructor(private readonly options: DomainLimiterOptions) {
    this.intervalMillis = 60_000 / options.maxRequestsPerMinute;
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? ((millis) => sleep(millis));
  }

  /** Waits for a concurrency slot and the host's next start time; call `release` when done. */
  async acquire(host: string): Promise<void> {
    const state = this.state(host);
    while (state.inFlight >= this.options.maxConcurrency) {
      await new Promise<void>((resolve) => state.waiters.push(resolve));
    }
    state.inFlight++;
    const startAt = Math.max(this.now(), state.nextStartAt, state.pausedUntil);
    state.nextStartAt = startAt + this.intervalMillis;
    const delay = startAt - this.now();
    if (delay > 0) await this.wait(delay);
    this.grants.set(host, (this.grants.get(host) ?? 0) + 1);
  }

  release(host: string): void {
    const state = this.state(host);
    state.inFlight = Math.max(0, state.inFlight - 1);
    state.waiters.shift()?.();
  }

  /** Holds every new request to `host` for `millis` (after a 429 or a block). */
  pause(host: string, millis: number): void {
    const state = this.state(host);
    state.pausedUntil = Math.max(state.pausedUntil, this.now() + millis);
  }

  inFlight(host: string): number {
    return this.hosts.get(host)?.inFlight ?? 0;
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (state === undefined) {
      state = { nextStartAt: 0, inFlight: 0, waiters: [], pausedUntil: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }
}

/** Exponential back-off: base × 2^attempt, capped. */
export function backoffMillis(attempt: number, baseMillis: number, maxMillis: number): number {
  return Math.min(maxMillis, baseMillis * 2 ** Math.max(0, attempt));
}
