import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipv6Groups } from '../src/read/fetch/address.js';
import { backoffDelay, checkedAddress, FetchError, fetchUrl, HostPacer, nonPublicRange, parseRetryAfter, type FetchOptions } from '../src/read/fetch/index.js';
import { startServer, type TestServer } from './support/http-server.js';

describe('nonPublicRange: the address classifier of the guard', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['10.20.30.40', /private \(10/],
    ['172.16.0.1', /private \(172\.16/],
    ['172.31.255.254', /private \(172\.16/],
    ['192.168.1.1', /private \(192\.168/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.255', /carrier-grade NAT/],
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['224.0.0.251', /multicast/],
    ['239.255.255.250', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::1', /loopback \(::1\)/],
    ['::', /unspecified/],
    ['fe80::1', /link-local \(fe80/],
    ['fe80::abcd:1%eth0', /link-local \(fe80/],
    ['febf:ffff::1', /link-local \(fe80/],
    ['fc00::1', /unique-local/],
    ['fd12:3456:789a::1', /unique-local/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /IPv4-mapped loopback/],
    ['::ffff:7f00:1', /IPv4-mapped loopback/],
    ['::FFFF:10.0.0.1', /IPv4-mapped private/],
    ['::ffff:a9fe:a9fe', /IPv4-mapped link-local/],
    ['0:0:0:0:0:ffff:c0a8:0101', /IPv4-mapped private \(192\.168/],
    ['64:ff9b::192.168.0.1', /NAT64 private/],
    ['2002:c0a8:0101::1', /6to4 private/],
    ['::127.0.0.1', /IPv4-compatible/],
  ])('%s is not public: %s', (address, range) => {
    expect(nonPublicRange(address)).toMatch(range);
  });

  it.each([
    '8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '192.169.0.1', '223.255.255.255',
    '2001:4860:4860::8888', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:0808:0808::1', '2a00:1450:4001::200e',
  ])('%s is public', (address) => {
    expect(nonPublicRange(address)).toBeNull();
  });

  it('never takes a name or garbage for a public address', () => {
    for (const text of ['localhost', 'example.com', '', '1.2.3', '::g', '999.1.1.1']) expect(nonPublicRange(text)).toBe('not an IP address');
  });

  it('parses IPv6 in its compressed, full and dotted forms', () => {
    expect(ipv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('2001:db8::8:800:200c:417a')).toEqual([0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a]);
    expect(ipv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Groups('1.2.3.4')).toBeNull();
  });
});

describe('checkedAddress: resolve, check every address, pin one', () => {
  const resolver = (answers: Record<string, string[]>) => async (host: string) =>
    (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a name when any of its addresses is not public (rebinding looks like this)', async () => {
    const resolve = resolver({ 'mixed.example': ['93.184.216.34', '10.0.0.7'] });
    const error = await checkedAddress(new URL('http://mixed.example/feed'), false, resolve).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(/mixed\.example resolves to 10\.0\.0\.7, which is a private .*--allow-private/);
  });

  it('returns the checked address of a public name, and any address when private ones are allowed', async () => {
    const resolve = resolver({ 'news.example': ['93.184.216.34'], 'lan.example': ['192.168.5.5'] });
    expect(await checkedAddress(new URL('https://news.example/'), false, resolve)).toEqual({ address: '93.184.216.34', family: 4 });
    expect(await checkedAddress(new URL('https://lan.example/'), true, resolve)).toEqual({ address: '192.168.5.5', family: 4 });
  });

  it('checks IP literals (IPv6 in brackets too) and names that resolve locally', async () => {
    await expect(checkedAddress(new URL('http://[::1]:8080/'), false)).rejects.toThrow(/::1 is a loopback/);
    await expect(checkedAddress(new URL('http://[::ffff:127.0.0.1]/'), false)).rejects.toThrow(/IPv4-mapped loopback/);
    await expect(checkedAddress(new URL('http://169.254.169.254/latest/meta-data'), false)).rejects.toThrow(/link-local/);
    await expect(checkedAddress(new URL('http://localhost/'), false)).rejects.toThrow(/localhost resolves to .*loopback/);
  });

  it('names a host that does not resolve', async () => {
    await expect(checkedAddress(new URL('http://nowhere.example/'), false, resolver({}))).rejects.toThrow(/cannot resolve nowhere\.example/);
  });
});

describe('pacing and backoff', () => {
  it('backoff doubles per failure, with jitter between half and all of it, up to a cap', () => {
    expect(backoffDelay(0, 1000, 60_000)).toBe(0);
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffDelay(30, 1000, 60_000, () => 1)).toBe(60_000);
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(4, 1000, 60_000);
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThanOrEqual(8000);
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    const now = Date.parse('2025-05-01T10:00:00Z');
    expect(parseRetryAfter('Thu, 01 May 2025 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });

  it('a host that asks for a long pause is not waited for beyond the caller\'s limit', async () => {
    const pacer = new HostPacer(0);
    pacer.defer('slow.example', 120_000);
    const started = Date.now();
    await expect(pacer.acquire('slow.example', 1000)).rejects.toThrow(/asked to be left alone for 120 s/);
    expect(Date.now() - started).toBeLessThan(1000);
    await pacer.acquire('other.example', 1000);
  });
});

describe('fetchUrl against a local server', () => {
  let server: TestServer;
  const base = (more: Partial<FetchOptions> = {}): FetchOptions => ({ maxBytes: 100_000, timeoutMs: 5000, allowPrivate: true, ...more });
  const failure = async (url: string, options: FetchOptions): Promise<FetchError> => {
    const error = await fetchUrl(url, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  };
  const hits = (path: string) => server.requests.filter((r) => r.path === path || r.path.startsWith(`${path}?`));
  let busyCalls = 0;

  beforeAll(async () => {
    server = await startServer({
      '/etag': (request, response) => {
        if (request.headers['if-none-match'] === '"rev-7"') {
          response.writeHead(304, { etag: '"rev-7"' });
          return response.end();
        }
        response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"rev-7"' });
        response.end('<rss version="2.0"><channel><title>Harbour Gazette</title></channel></rss>');
      },
      '/dated': (request, response) => {
        const stamp = 'Wed, 02 Apr 2025 08:00:00 GMT';
        if (request.headers['if-modified-since'] === stamp) {
          response.writeHead(304);
          return response.end();
        }
        response.writeHead(200, { 'last-modified': stamp });
        response.end('dated body');
      },
      '/hop': (request, response) => {
        const query = new URL(request.url!, 'http://x').searchParams;
        const n = Number(query.get('n'));
        const end = Number(query.get('end'));
        if (n >= end) return response.end(`arrived after ${n} redirects`);
        response.writeHead(n % 2 === 0 ? 302 : 308, { location: `/hop?n=${n + 1}&end=${end}` });
        response.end();
      },
      '/to-file': (_request, response) => {
        response.writeHead(301, { location: 'file:///etc/passwd' });
        response.end();
      },
      '/chunked-big': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(16 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        pump();
      },
      '/declared-big': (_request, response) => {
        response.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
        response.write('x'); // the rest never comes: the declared length alone must refuse it
      },
      '/bomb': (_request, response) => {
        response.writeHead(200, { 'content-encoding': 'gzip' });
        response.end(gzipSync(Buffer.alloc(4 * 1024 * 1024)));
      },
      '/gzipped': (_request, response) => {
        response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain; charset=utf-8' });
        response.end(gzipSync(Buffer.from('The ferry to Ostrel sails at noon.')));
      },
      '/stall': (_request, response) => {
        response.writeHead(200);
        response.write('first bytes, then nothing');
      },
      '/silent': () => undefined,
      '/ping': (_request, response) => response.end('pong'),
      '/broken': (_request, response) => {
        response.writeHead(500);
        response.end('oops');
      },
      '/busy': (_request, response) => {
        busyCalls++;
        if (busyCalls === 1) {
          response.writeHead(429, { 'retry-after': '1' });
          return response.end('slow down');
        }
        response.end('welcome back');
      },
    });
  });
  afterAll(() => server.close());

  it('refuses 127.0.0.1 without allowPrivate, before sending anything', async () => {
    const before = server.requests.length;
    const error = await failure(server.url('/ping'), base({ allowPrivate: false }));
    expect(error.message).toBe(`${server.url('/ping')}: refused: 127.0.0.1 is a loopback (127.0.0.0/8) address; pass --allow-private to fetch from non-public addresses`);
    expect(server.requests.length).toBe(before);
  });

  it('refuses schemes other than http and https, also as a redirect target', async () => {
    expect((await failure('file:///etc/passwd', base())).reason).toMatch(/only http: and https:/);
    expect((await failure('ftp://files.example/feed', base())).reason).toMatch(/only http: and https:.*ftp:/);
    expect((await failure(server.url('/to-file'), base())).reason).toMatch(/only http: and https:.*file:/);
  });

  it('sends If-None-Match from stored validators and reports 304 as not modified', async () => {
    const first = await fetchUrl(server.url('/etag'), base());
    expect(first.status).toBe('fetched');
    if (first.status !== 'fetched') return;
    expect(first.validators.etag).toBe('"rev-7"');
    expect(first.bytes.toString()).toContain('Harbour Gazette');
    const second = await fetchUrl(server.url('/etag'), base({ validators: first.validators }));
    expect(second).toEqual({ status: 'not-modified', url: server.url('/etag') });
    expect(hits('/etag').map((r) => r.headers['if-none-match'])).toEqual([undefined, '"rev-7"']);
  });

  it('sends If-Modified-Since from a stored Last-Modified', async () => {
    const first = await fetchUrl(server.url('/dated'), base());
    if (first.status !== 'fetched') throw new Error('expected a body');
    expect(first.validators).toEqual({ etag: null, lastModified: 'Wed, 02 Apr 2025 08:00:00 GMT' });
    expect((await fetchUrl(server.url('/dated'), base({ validators: first.validators }))).status).toBe('not-modified');
    expect(hits('/dated').at(-1)!.headers['if-modified-since']).toBe('Wed, 02 Apr 2025 08:00:00 GMT');
  });

  it('follows redirects up to the limit and names the URL when there are more', async () => {
    const within = await fetchUrl(server.url('/hop?n=0&end=3'), base({ maxRedirects: 3 }));
    if (within.status !== 'fetched') throw new Error('expected a body');
    expect(within.url).toBe(server.url('/hop?n=3&end=3'));
    expect(within.bytes.toString()).toBe('arrived after 3 redirects');
    const before = hits('/hop').length;
    const error = await failure(server.url('/hop?n=0&end=50'), base({ maxRedirects: 3 }));
    expect(error.message).toBe(`${server.url('/hop?n=0&end=50')}: too many redirects (more than 3)`);
    expect(hits('/hop').length - before).toBe(4);
  });

  it('resolves every hop again and connects to the address it checked (pinned), whatever the name', async () => {
    const resolved: string[] = [];
    // Names that exist nowhere: the request reaches the server only through the pinned address.
    const resolveHost = async (host: string) => {
      resolved.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const result = await fetchUrl(`http://gazette.invalid:${server.port}/hop?n=0&end=2`, base({ resolveHost }));
    expect(result.status).toBe('fetched');
    expect(resolved).toEqual(['gazette.invalid', 'gazette.invalid', 'gazette.invalid']);
    expect(hits('/hop?n=2&end=2').at(-1)!.headers.host).toBe(`gazette.invalid:${server.port}`);
    const refused = await failure(`http://gazette.invalid:${server.port}/ping`, base({ resolveHost, allowPrivate: false }));
    expect(refused.reason).toMatch(/gazette\.invalid resolves to 127\.0\.0\.1, which is a loopback/);
  });

  it('stops reading a response that grows past the size limit', async () => {
    const error = await failure(server.url('/chunked-big'), base({ maxBytes: 100_000 }));
    expect(error.reason).toMatch(/^response so far is \d+(\.\d)? KB, over the 97\.7 KB limit; stopped reading$/);
    await waitFor(() => server.aborted.includes('/chunked-big'));
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const started = Date.now();
    const error = await failure(server.url('/declared-big'), base({ maxBytes: 1024 * 1024 }));
    expect(error.reason).toBe('response is 10 MB, over the 1 MB limit');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('applies the size limit after decompression (a gzip bomb is stopped)', async () => {
    const error = await failure(server.url('/bomb'), base({ maxBytes: 100_000 }));
    expect(error.reason).toMatch(/over the 97\.7 KB limit; stopped reading/);
    const plain = await fetchUrl(server.url('/gzipped'), base());
    if (plain.status !== 'fetched') throw new Error('expected a body');
    expect(plain.bytes.toString()).toBe('The ferry to Ostrel sails at noon.');
  });

  it('gives up when the whole fetch takes longer than the time limit (silent server, stalled body)', async () => {
    for (const path of ['/silent', '/stall']) {
      const started = Date.now();
      const error = await failure(server.url(path), base({ timeoutMs: 300 }));
      expect(error.reason).toBe('timed out after 0.3 s');
      expect(Date.now() - started).toBeLessThan(5000);
    }
  });

  it('reports an HTTP error with its status', async () => {
    const error = await failure(server.url('/broken'), base());
    expect(error.httpStatus).toBe(500);
    expect(error.message).toBe(`${server.url('/broken')}: HTTP 500 Internal Server Error`);
  });

  it('spaces requests to one host, also when they are made concurrently', async () => {
    const pacer = new HostPacer(250);
    const before = hits('/ping').length;
    await Promise.all([0, 1, 2].map(() => fetchUrl(server.url('/ping'), base({ pacer }))));
    const times = hits('/ping').slice(before).map((r) => r.at);
    expect(times).toHaveLength(3);
    // Loose: the server's clock sees the requests a little after they leave, never much before.
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(200);
  });

  it('honours Retry-After: the next request to that host waits for it', async () => {
    const pacer = new HostPacer(0);
    const error = await failure(server.url('/busy'), base({ pacer }));
    expect(error.httpStatus).toBe(429);
    expect(error.retryAfterMs).toBe(1000);
    expect(error.reason).toBe('HTTP 429 Too Many Requests; retry after 1 s');
    const again = await fetchUrl(server.url('/busy'), base({ pacer }));
    if (again.status !== 'fetched') throw new Error('expected a body');
    expect(again.bytes.toString()).toBe('welcome back');
    const [first, second] = hits('/busy').map((r) => r.at);
    expect(second! - first!).toBeGreaterThanOrEqual(900);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
