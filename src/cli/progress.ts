/**
 * A progress line on stderr while a long run goes on (redrawn in place on a terminal; with
 * `lines`, also one line a second when stderr is a file or pipe, for logs), and the closing
 * summary line that every run prints.
 */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = -Infinity;
  documents = 0;
  rejected = 0;

  constructor(
    private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly verb: string,
    private readonly options: { lines?: boolean } = {},
  ) {}

  tick(ok: boolean): void {
    if (ok) this.documents++;
    else this.rejected++;
    const inPlace = this.stderr.isTTY === true;
    if (!inPlace && !this.options.lines) return;
    const now = performance.now();
    if (now - this.lastDraw < (inPlace ? 100 : 1000)) return;
    this.lastDraw = now;
    const line = `${this.verb} ${this.documents} documents, ${this.rejected} rejected, ${this.rate().toFixed(0)} documents/s`;
    this.stderr.write(inPlace ? `\r\x1b[K${line}` : `${line}\n`);
  }

  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  rate(): number {
    const s = this.seconds();
    return s > 0 ? (this.documents + this.rejected) / s : 0;
  }

  /** E.g. "analyzed 40 documents, 2 rejected, in 1.3 s (31.5 documents/s)". */
  summary(extra = ''): string {
    const clear = this.stderr.isTTY ? '\r\x1b[K' : '';
    return `${clear}${this.verb} ${this.documents} documents, ${this.rejected} rejected${extra}, in ${this.seconds().toFixed(1)} s (${this.rate().toFixed(1)} documents/s)\n`;
  }
}
