import express from 'express';
import { isAppError } from '../../src/domain/app-error';
import { startWebServer, stopWebServer } from '../../src/http/web-server';

function appWithSlowRoute() {
  let finish: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (finish = resolve));
  let arrived: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (arrived = resolve));
  const app = express();
  app.get('/slow', async (_req, res) => {
    arrived();
    await released;
    res.json({ done: true });
  });
  return { app, started, finish };
}

test('When stopped during a request, then that request still gets its answer and new connections are refused', async () => {
  const { app, started, finish } = appWithSlowRoute();
  const web = await startWebServer(app, 0, '127.0.0.1');
  const inFlight = fetch(`${web.url}/slow`);
  await started;
  const stopped = stopWebServer(web);
  finish();
  const res = await inFlight;
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ done: true });
  await stopped;
  await expect(fetch(`${web.url}/slow`)).rejects.toThrow();
});

test('When the port is taken, then starting fails with a message naming PORT', async () => {
  const first = await startWebServer(express(), 0, '127.0.0.1');
  const error = await startWebServer(express(), first.port, '127.0.0.1').catch((e: unknown) => e);
  await stopWebServer(first);
  expect(isAppError(error, 'unavailable')).toBe(true);
  expect((error as Error).message).toBe(
    `Port ${first.port} is already in use: stop the other process or set PORT to another port.`,
  );
});
