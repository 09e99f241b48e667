import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App, AppDeps } from '../../platform/http.ts';
import { negotiateLocale } from '../../platform/i18n/i18n.ts';
import type { MailCatcher } from './dev-mail-catcher.ts';
import { renderMailbox } from './dev-mail-page.ts';

/**
 * The development mailbox, registered only when the process catches its own mail (no SMTP_URL,
 * not production): GET /dev/mail lists what was sent, GET /dev/mail/:index shows one source.
 */
export function notificationsRoutes(app: App, _deps: AppDeps, options: { mailCatcher?: MailCatcher } = {}) {
  const catcher = options.mailCatcher;
  if (!catcher) return;
  app.get('/dev/mail', { schema: { hide: true } }, async (request, reply) => {
    const locale = negotiateLocale(request.headers['accept-language'], 'en');
    return reply.type('text/html; charset=utf-8').send(renderMailbox(catcher.messages(), locale));
  });
  app.get(
    '/dev/mail/:index',
    { schema: { hide: true, params: z.object({ index: z.coerce.number().int().min(1) }) } },
    async (request, reply) => {
      const mail = catcher.messages().find((caught) => caught.index === request.params.index);
      if (!mail) throw new AppError('NOT_FOUND', 404, 'This message is not in the development mailbox.');
      return reply.type('text/plain; charset=utf-8').send(mail.raw);
    },
  );
}
