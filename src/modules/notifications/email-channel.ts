import nodemailer, { type SMTPTransportOptions } from 'nodemailer';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { PermanentDeliveryError } from './delivery-error.ts';

export interface EmailMessage {
  outboxId: number;
  to: string;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  calendar?: { method: 'PUBLISH' | 'CANCEL'; filename: string; content: string };
}

export interface EmailChannel {
  // The bare From: address (the organizer of calendar files).
  readonly fromAddress: string;
  send(message: EmailMessage): Promise<{ providerMessageId: string }>;
  close(): Promise<void>;
}

/**
 * One Message-ID per outbox message, the same on every attempt: if a crash makes the worker send a
 * message again, the receiving side can tell it is the same one.
 */
export function messageIdOf(outboxId: number): string {
  return `<outbox-${outboxId}@mawid>`;
}

export function addressOf(from: string): string {
  return (/<([^<>]+)>\s*$/.exec(from)?.[1] ?? from).trim();
}

// Below the worker's lease (5 minutes): a hung server fails the attempt before another worker may take it.
const timeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** E-mail over SMTP with nodemailer, configured by URL (smtp://user:pass@host:587 or smtps://…:465). */
export function createEmailChannel(options: {
  smtpUrl: string;
  from: string;
  // Tests and the development catcher: plain SMTP on localhost.
  transport?: Pick<SMTPTransportOptions, 'ignoreTLS' | 'secure' | 'requireTLS'>;
}): EmailChannel {
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    ...timeouts,
    ...options.transport,
    // Messages are built here from our own strings: never let one read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    fromAddress: addressOf(options.from),
    async send(message) {
      const messageId = messageIdOf(message.outboxId);
      try {
        await transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': message.locale },
          attachments: message.calendar
            ? [
                {
                  filename: message.calendar.filename,
                  content: message.calendar.content,
                  contentType: `text/calendar; charset=utf-8; method=${message.calendar.method}`,
                },
              ]
            : [],
        });
      } catch (error) {
        const responseCode = (error as { responseCode?: unknown }).responseCode;
        if (typeof responseCode === 'number' && responseCode >= 500) {
          throw new PermanentDeliveryError(`SMTP ${responseCode}: ${(error as Error).message}`, { cause: error });
        }
        throw error;
      }
      return { providerMessageId: messageId };
    },
    async close() {
      transporter.close();
    },
  };
}
