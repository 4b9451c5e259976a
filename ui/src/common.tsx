import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-load.js';

export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <p class="status" role="status">Loading…</p>;
  if (loaded.state === 'error') return <p class="status error" role="alert">Could not load: {loaded.message}</p>;
  return <>{children(loaded.value)}</>;
}

export const Badge = ({ kind, children, label }: { kind: string; children: ComponentChildren; label?: string }) => (
  <span class={`badge badge-${kind}`} title={label}>{children}</span>
);
