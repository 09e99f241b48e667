import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { type MailSummary, summarizeMail } from './mail-headers.ts';

export interface CaughtMail extends MailSummary {
  // 1, 2, 3… in order of arrival: the address of its source page.
  index: number;
  receivedAt: Date;
  raw: string;
}

export interface MailCatcher {
  // smtp://127.0.0.1:<port>, for the e-mail channel.
  readonly smtpUrl: string;
  /** What was received, newest first. */
  messages(): CaughtMail[];
  close(): Promise<void>;
}

/**
 * Development without SMTP_URL: an SMTP server inside the process, on 127.0.0.1 and a random port,
 * keeping the last messages in memory for the /dev/mail page. Nothing leaves the machine.
 */
export async function startMailCatcher(options: { keep?: number } = {}): Promise<MailCatcher> {
  const keep = options.keep ?? 200;
  const received: CaughtMail[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 20 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        count += 1;
        received.unshift({ ...summarizeMail(raw), index: count, receivedAt: new Date(), raw });
        received.length = Math.min(received.length, keep);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client dropping its connection must not stop the process.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    messages: () => [...received],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
