/** Politeness and patience: spacing requests to one host, and waiting longer after each failure. */
import { setTimeout as sleep } from 'node:timers/promises';

export type Clock = () => number;

/** Thrown by `HostPacer.acquire` when a host asked for a longer pause than the caller will wait. */
export class HostBusy extends Error {
  constructor(
    readonly host: string,
    readonly waitMs: number,
  ) {
    super(`${host} asked to be left alone for ${Math.ceil(waitMs / 1000)} s more (Retry-After)`);
  }
}

/**
 * Per-host spacing: request starts to one host are at least `intervalMs` apart, and none starts
 * before a time the host set with Retry-After. Callers may run concurrently: each takes the next
 * free slot of its host, so concurrent requests to one host line up instead of bursting.
 */
export class HostPacer {
  private readonly nextSlot = new Map<string, number>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock = Date.now,
  ) {}

  /** Waits for the host's next slot; throws HostBusy when that is more than `maxWaitMs` away. */
  async acquire(host: string, maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    for (;;) {
      const now = this.clock();
      const blocked = this.blockedUntil.get(host) ?? 0;
      if (blocked - now > maxWaitMs) throw new HostBusy(host, blocked - now);
      const start = Math.max(now, this.nextSlot.get(host) ?? 0, blocked);
      this.nextSlot.set(host, start + this.intervalMs);
      if (start <= now) return;
      await sleep(start - now);
      // A Retry-After that arrived while this caller slept moves it back in line.
      if ((this.blockedUntil.get(host) ?? 0) <= this.clock()) return;
    }
  }

  /** The host said to come back later (Retry-After on 429 or 503). */
  defer(host: string, waitMs: number): void {
    const until = this.clock() + waitMs;
    if (until > (this.blockedUntil.get(host) ?? 0)) this.blockedUntil.set(host, until);
  }
}

/**
 * Exponential backoff with "equal jitter": after the n-th failure in a row, wait between half and
 * all of base·2^(n−1) (capped at `maxMs`). The random half keeps many watchers that failed
 * together (one outage) from retrying in lockstep.
 */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  if (failures < 1) return 0;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 40));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Retry-After is either seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
