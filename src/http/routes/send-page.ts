import type { Response } from 'express';

/** Sends a server-rendered page that no cache keeps. */
export function sendPage(res: Response, status: number, body: string): void {
  res.status(status).type('html').set('cache-control', 'no-store').send(body);
}
