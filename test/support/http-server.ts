/** A local HTTP server on 127.0.0.1 for fetch tests: routes by path, and logs every request it receives. */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** When the server received it (performance.now()), to measure spacing between requests. */
  at: number;
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
  /** The absolute URL of `path` on this server. */
  url(path: string): string;
  port: number;
  requests: LoggedRequest[];
  routes: Map<string, Route>;
  /** Requests whose response was cut off by the client (the connection closed before the end). */
  aborted: string[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: LoggedRequest[] = [];
  const aborted: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers, at: performance.now() });
    response.on('close', () => {
      if (!response.writableFinished) aborted.push(path);
    });
    const route = table.get(path.split('?')[0]!);
    if (route) route(request, response);
    else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    port,
    requests,
    routes: table,
    aborted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
