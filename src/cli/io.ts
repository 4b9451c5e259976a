/** What a command needs from the process, injectable so tests can run commands in-process. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
}

export const processIO: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };

/** Exit codes of the contract. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

/** Writes and waits for the stream to drain, so that output stays streamed with flat memory. */
export function write(stream: NodeJS.WritableStream, text: string | Uint8Array): Promise<void> | void {
  if (stream.write(text)) return;
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

export class UsageError extends Error {}
