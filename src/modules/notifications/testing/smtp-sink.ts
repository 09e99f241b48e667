import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseHeaders } from '../mail-headers.ts';

/** One message as the SMTP server received it. */
export interface SunkMail {
  raw: string;
  messageId: string;
  recipients: string[];
}

export interface SmtpSink {
  readonly url: string;
  readonly received: SunkMail[];
  /** The next `count` recipients (RCPT) or messages (DATA) are refused with this SMTP code. */
  refuse(count: number, stage: 'RCPT' | 'DATA', code?: number): void;
  clear(): void;
  close(): Promise<void>;
}

function smtpError(code: number): Error {
  return Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code });
}

/** A real SMTP server on 127.0.0.1 for tests: it keeps what it accepts and refuses on demand. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  const refusals = { RCPT: 0, DATA: 0 };
  const codes = { RCPT: 451, DATA: 451 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals.RCPT > 0) {
        refusals.RCPT--;
        callback(smtpError(codes.RCPT));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals.DATA > 0) {
          refusals.DATA--;
          callback(smtpError(codes.DATA));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          raw,
          messageId: parseHeaders(raw).get('message-id') ?? '',
          recipients: session.envelope.rcptTo.map((to) => to.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse(count, stage, code = 451) {
      refusals[stage] = count;
      codes[stage] = code;
    },
    clear() {
      received.length = 0;
      refusals.RCPT = 0;
      refusals.DATA = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
