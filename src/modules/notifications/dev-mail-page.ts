import type { Locale } from '../../platform/i18n/i18n.ts';
import type { CaughtMail } from './dev-mail-catcher.ts';
import { escapeHtml, text } from './templates/catalogue.ts';

/** The /dev/mail page: every caught message, newest first, each value escaped. */
export function renderMailbox(messages: CaughtMail[], locale: Locale): string {
  const t = (key: string) => escapeHtml(text(locale, key));
  const rows = messages
    .map(
      (mail) =>
        `<tr><td>${escapeHtml(mail.receivedAt.toISOString())}</td><td>${escapeHtml(mail.from)}</td><td>${escapeHtml(mail.to)}</td><td><bdi>${escapeHtml(mail.subject)}</bdi></td><td><a href="/dev/mail/${mail.index}">${t('devmail.source')}</a></td></tr>`,
    )
    .join('\n');
  const body =
    messages.length === 0
      ? `<p>${t('devmail.empty')}</p>`
      : `<table><thead><tr><th>${t('devmail.date')}</th><th>${t('devmail.from')}</th><th>${t('devmail.to')}</th><th>${t('devmail.subject')}</th><th></th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('devmail.title')}</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:start;vertical-align:top}</style></head>',
    `<body><h1>${t('devmail.title')}</h1><p>${t('devmail.intro')}</p>`,
    body,
    '</body></html>',
  ].join('\n');
}
