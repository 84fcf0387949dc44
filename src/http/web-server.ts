import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { AppError } from '../domain/app-error';

/** A listening server and where to reach it. */
export interface WebServer {
  server: Server;
  port: number;
  url: string;
}

function explain(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') return error;
  const why = error.code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges this process lacks';
  const message = `Port ${port} ${why}: stop the other process or set PORT to another port.`;
  return new AppError('unavailable', message, [{ path: 'PORT', message: why }], { cause: error });
}

/** Listens on `port` (0 picks a free one, for tests) and resolves once it accepts connections. */
export function startWebServer(app: Express, port: number, host?: string): Promise<WebServer> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    const failed = (error: NodeJS.ErrnoException) => reject(explain(error, port));
    server.once('error', failed);
    server.listen({ port, host }, () => {
      server.off('error', failed);
      const address = server.address() as AddressInfo;
      const shownHost = host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost';
      resolve({ server, port: address.port, url: `http://${shownHost}:${address.port}` });
    });
  });
}

/** Stops taking connections and waits for requests in flight; cuts connections still open after `graceMs`. */
export function stopWebServer(webServer: WebServer, graceMs = 10_000): Promise<void> {
  const { server } = webServer;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close((error) => {
      clearTimeout(timer);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
