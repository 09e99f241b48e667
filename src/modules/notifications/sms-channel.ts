import type { Db } from '../../platform/db.ts';
import { devSmsMessages } from './notifications.tables.ts';

/** Any SMS gateway. `to` is E.164 (+33612345678); `text` is at most 300 characters. */
export interface SmsProvider {
  send(to: string, text: string): Promise<{ providerMessageId: string }>;
}

/** Development and tests: the "sent" SMS is a row in dev_sms_messages, to be read instead of a phone. */
export class DevSmsProvider implements SmsProvider {
  constructor(private readonly db: Db) {}

  async send(to: string, text: string): Promise<{ providerMessageId: string }> {
    const [row] = await this.db.insert(devSmsMessages).values({ to, body: text }).returning({ id: devSmsMessages.id });
    return { providerMessageId: `dev-sms-${row!.id}` };
  }
}
