import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db.ts';
import { type MailCatcher, startMailCatcher } from './dev-mail-catcher.ts';
import { createEmailChannel, type EmailChannel } from './email-channel.ts';
import { DevSmsProvider, type SmsProvider } from './sms-channel.ts';

export interface CreatedChannels {
  email: EmailChannel;
  // Absent in production until an SMS gateway is configured: e-mail only then.
  sms?: SmsProvider;
  // Development without SMTP_URL: the in-process mail catcher behind /dev/mail.
  mailCatcher?: MailCatcher;
  close(): Promise<void>;
}

/**
 * The channels of this process, from the configuration: SMTP_URL, or outside production an
 * in-process mail catcher; SMS recorded in dev_sms_messages outside production.
 */
export async function createChannels(config: Config, db: Db): Promise<CreatedChannels> {
  const isProduction = config.NODE_ENV === 'production';
  let mailCatcher: MailCatcher | undefined;
  let email: EmailChannel;
  if (config.SMTP_URL) {
    email = createEmailChannel({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  } else if (!isProduction) {
    mailCatcher = await startMailCatcher();
    email = createEmailChannel({
      smtpUrl: mailCatcher.smtpUrl,
      from: config.MAIL_FROM,
      transport: { ignoreTLS: true },
    });
  } else {
    throw new Error('SMTP_URL is required in production');
  }
  const catcher = mailCatcher;
  return {
    email,
    sms: isProduction ? undefined : new DevSmsProvider(db),
    mailCatcher: catcher,
    async close() {
      await email.close();
      await catcher?.close();
    },
  };
}
