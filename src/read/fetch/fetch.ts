/**
 * One HTTP(S) GET with the guards a long-running watcher needs against servers it does not
 * control: a total time limit, a response size limit, a redirect limit, conditional GET, per-host
 * pacing, and a refusal to connect to anything but public addresses.
 *
 * How the address check cannot be bypassed by DNS rebinding: the host name is resolved once, here,
 * every address it resolves to is checked, and the connection is then made with a `lookup`
 * function that hands the socket that checked address and never resolves again. A name that
 * resolves to a public address for the check and to 127.0.0.1 a moment later therefore still
 * reaches the public address. Literal IP hosts are checked the same way (Node connects to them
 * without a lookup). Redirects are followed by hand, so every hop goes through the same check.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import { oversizeReason } from '../types.js';
import { nonPublicRange } from './address.js';
import { HostBusy, parseRetryAfter, type HostPacer } from './pace.js';

/** What a server said about a resource's version, sent back to it to ask "changed since?". */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchOptions {
  /** Largest response body accepted, in bytes (after decompression). */
  maxBytes: number;
  /** The whole fetch, redirects and body included, must finish within this. */
  timeoutMs: number;
  /** Redirects followed before giving up; default 5. */
  maxRedirects?: number;
  /** Allow loopback, private and other non-public addresses (tests; a feed server on one's own network). */
  allowPrivate?: boolean;
  /** Validators from the last fetch of this URL: a 304 then means unchanged. */
  validators?: Validators | null;
  /** Spaces requests per host and honours Retry-After; without one, no pacing. */
  pacer?: HostPacer;
  /** Longest Retry-After pause waited out before failing instead; default 60 s. */
  maxWaitMs?: number;
  accept?: string;
  /** Resolves a host name to all its addresses; default `dns.lookup` (tests substitute their own). */
  resolveHost?: (hostname: string) => Promise<LookupAddress[]>;
}

export type FetchResult =
  | { status: 'fetched'; url: string; bytes: Buffer; contentType: string | null; validators: Validators }
  | { status: 'not-modified'; url: string };

/** A fetch that failed; `message` names the URL and the reason. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    /** The server's HTTP status, when it answered with an error. */
    readonly httpStatus: number | null = null,
    /** How long the server asked us to wait (Retry-After), when it did. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'FetchError';
  }
}

const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_MAX_WAIT_MS = 60_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'crosscheck-watch (feed reader)';

/** A hostname as the resolver and the socket want it: IPv6 literals without their URL brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

async function defaultResolve(hostname: string): Promise<LookupAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

/** Resolves `url`'s host and returns the address to connect to, or refuses. */
export async function checkedAddress(
  url: URL,
  allowPrivate: boolean,
  resolveHost: (hostname: string) => Promise<LookupAddress[]> = defaultResolve,
): Promise<LookupAddress> {
  const host = bareHost(url);
  const family = isIP(host);
  let addresses: LookupAddress[];
  if (family !== 0) addresses = [{ address: host, family }];
  else {
    try {
      addresses = await resolveHost(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new FetchError(url.href, `cannot resolve ${host}${code ? ` (${code})` : ''}`);
    }
  }
  if (addresses.length === 0) throw new FetchError(url.href, `cannot resolve ${host} (no addresses)`);
  if (!allowPrivate) {
    // Any non-public address refuses the host: a name that mixes public and private addresses is
    // exactly what a rebinding attack looks like.
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range !== null) {
        const what = address === host ? host : `${host} resolves to ${address}, which`;
        throw new FetchError(url.href, `refused: ${what} is a ${range} address; pass --allow-private to fetch from non-public addresses`);
      }
    }
  }
  return addresses[0]!;
}

/** A `lookup` for the socket that always answers with the address already checked. */
function pinnedLookup(pinned: LookupAddress) {
  return (
    _hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function send(url: URL, pinned: LookupAddress, headers: OutgoingHttpHeaders, signal: AbortSignal): Promise<IncomingMessage> {
  const host = bareHost(url);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers,
        // A fresh connection per request: a pooled socket could outlive the check of its address.
        agent: false,
        lookup: pinnedLookup(pinned),
        // Certificates are checked against the name, not the pinned address (SNI takes no IP).
        ...(url.protocol === 'https:' && isIP(host) === 0 ? { servername: host } : {}),
        signal,
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

function decoderFor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new Error(`unsupported Content-Encoding "${encoding}"`);
  }
}

/**
 * Reads the body, decompressed, and stops as soon as it passes `limit` (the limit applies to the
 * decompressed size, so a small compressed bomb is stopped too). A Content-Length over the limit
 * refuses before reading anything.
 */
async function readBody(response: IncomingMessage, limit: number, url: string): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    response.destroy();
    throw new FetchError(url, oversizeReason(declared, limit, 'response'));
  }
  let decoder: Transform | null;
  try {
    decoder = decoderFor(response.headers['content-encoding']);
  } catch (error) {
    response.destroy();
    throw new FetchError(url, (error as Error).message);
  }
  const body: AsyncIterable<Buffer> = decoder ? response.pipe(decoder) : response;
  if (decoder) response.on('error', (error) => decoder.destroy(error));
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > limit) throw new FetchError(url, `${oversizeReason(size, limit, 'response so far')}; stopped reading`);
      parts.push(chunk);
    }
  } finally {
    if (size > limit || !response.complete) {
      response.destroy();
      decoder?.destroy();
    }
  }
  return Buffer.concat(parts);
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

function httpReason(response: IncomingMessage): string {
  return `HTTP ${response.statusCode ?? '?'}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
}

function requestHeaders(options: FetchOptions, isFirstHop: boolean): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'user-agent': USER_AGENT,
    accept: options.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  // Validators belong to the URL they were stored for; a redirect target is another resource.
  if (isFirstHop && options.validators?.etag) headers['if-none-match'] = options.validators.etag;
  if (isFirstHop && options.validators?.lastModified) headers['if-modified-since'] = options.validators.lastModified;
  return headers;
}

function parseHttpUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchError(text, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(url.href, `refused: only http: and https: URLs are fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new FetchError(url.href, 'refused: URLs with credentials are not fetched');
  return url;
}

function connectionReason(error: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `timed out after ${timeoutMs / 1000} s`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

async function paced(pacer: HostPacer | undefined, url: URL, maxWaitMs: number): Promise<void> {
  try {
    await pacer?.acquire(url.hostname, maxWaitMs);
  } catch (error) {
    if (error instanceof HostBusy) throw new FetchError(url.href, error.message, null, error.waitMs);
    throw error;
  }
}

/** `work`, unless the deadline passes first (a stuck DNS lookup must not outlast the time limit). */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal, timedOut: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(timedOut());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(timedOut());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function fetchUrl(target: string, options: FetchOptions): Promise<FetchResult> {
  let url = parseHttpUrl(target);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  // The time limit starts once the host's turn has come: waiting for politeness is not slowness.
  await paced(options.pacer, url, maxWaitMs);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      if (hop > 0) await paced(options.pacer, url, maxWaitMs);
      const pinned = await beforeDeadline(
        checkedAddress(url, options.allowPrivate ?? false, options.resolveHost),
        deadline.signal,
        () => new FetchError(url.href, `timed out after ${options.timeoutMs / 1000} s (resolving ${bareHost(url)})`),
      );
      let response: IncomingMessage;
      try {
        response = await send(url, pinned, requestHeaders(options, hop === 0), deadline.signal);
      } catch (error) {
        throw new FetchError(url.href, connectionReason(error, options.timeoutMs, deadline.signal.aborted));
      }
      const status = response.statusCode ?? 0;
      const location = header(response, 'location');
      if (REDIRECT_STATUSES.has(status) && location !== null) {
        response.resume();
        if (hop >= maxRedirects) throw new FetchError(target, `too many redirects (more than ${maxRedirects})`);
        url = parseHttpUrl(location, url);
        continue;
      }
      if (status === 304) {
        response.resume();
        return { status: 'not-modified', url: url.href };
      }
      if (status === 429 || status === 503) {
        response.resume();
        const retryAfterMs = parseRetryAfter(header(response, 'retry-after') ?? undefined);
        if (retryAfterMs !== null) options.pacer?.defer(url.hostname, retryAfterMs);
        const wait = retryAfterMs !== null ? `; retry after ${Math.ceil(retryAfterMs / 1000)} s` : '';
        throw new FetchError(url.href, `${httpReason(response)}${wait}`, status, retryAfterMs);
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new FetchError(url.href, httpReason(response), status);
      }
      let bytes: Buffer;
      try {
        bytes = await readBody(response, options.maxBytes, url.href);
      } catch (error) {
        if (error instanceof FetchError) throw error;
        throw new FetchError(url.href, connectionReason(error, options.timeoutMs, deadline.signal.aborted));
      }
      return {
        status: 'fetched',
        url: url.href,
        bytes,
        contentType: header(response, 'content-type'),
        validators: { etag: header(response, 'etag'), lastModified: header(response, 'last-modified') },
      };
    }
  } finally {
    clearTimeout(timer);
  }
}
