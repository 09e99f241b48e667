import type { FastifyReply } from 'fastify';

export interface EventStream {
  send(event: string, data: unknown, id?: string): void;
  close(): void;
  readonly isClosed: boolean;
}

/**
 * A server-sent events stream on a hijacked reply. It tells the browser when to reconnect
 * (`retry:`), writes a comment every `heartbeatMs` so proxies and load balancers keep an idle
 * connection open, and asks proxies not to buffer or transform it. `onClose` runs once, whether the
 * client went away or the server closed the stream.
 */
export function openEventStream(
  reply: FastifyReply,
  options: { retryMs: number; heartbeatMs: number; onClose: () => void },
): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-store, no-transform',
    connection: 'keep-alive',
    // nginx and others buffer responses unless told not to; an event must leave at once.
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: ${options.retryMs}\n: connected\n\n`);
  let isClosed = false;
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), options.heartbeatMs);
  heartbeat.unref();
  const finish = () => {
    if (isClosed) return;
    isClosed = true;
    clearInterval(heartbeat);
    options.onClose();
  };
  raw.on('close', finish);
  // The client may have gone while the stream was being set up: its 'close' has passed already.
  if (raw.destroyed) finish();
  return {
    send(event, data, id) {
      if (isClosed) return;
      raw.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      finish();
      raw.end();
    },
    get isClosed() {
      return isClosed;
    },
  };
}
