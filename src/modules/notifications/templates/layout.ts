import type { Locale } from '../../../platform/i18n/i18n.ts';
import { escapeHtml, html, type Params, text } from './catalogue.ts';

/** A catalogue text and its values, rendered once as HTML and once as plain text. */
export interface Line {
  key: string;
  params?: Params;
}

/** The parts of an e-mail, before it is laid out: every string here is raw, escaped only by the layout. */
export interface MessageDraft {
  subject: string;
  paragraphs: Line[];
  // A one-time code, shown large and alone.
  code?: string;
  rows: { label: string; value: string }[];
  action?: { label: string; url: string };
  // After the details: validity of a code, the calendar file.
  after: Line[];
  sms: string;
}

const font = "Arial, 'Noto Naskh Arabic', 'Segoe UI', Tahoma, sans-serif";

/** The HTML body: one column, inline styles, no image, script or remote resource. */
export function layoutHtml(draft: MessageDraft, locale: Locale): string {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const paragraph = (line: Line) => `<p style="margin:0 0 16px">${html(locale, line.key, line.params)}</p>`;
  const parts = [paragraph({ key: 'greeting' }), ...draft.paragraphs.map(paragraph)];
  if (draft.code !== undefined) {
    parts.push(
      `<p dir="ltr" style="margin:0 0 16px;font-family:'Courier New',monospace;font-size:32px;font-weight:bold;letter-spacing:6px;text-align:center">${escapeHtml(draft.code)}</p>`,
    );
  }
  if (draft.rows.length > 0) {
    const rows = draft.rows
      .map(
        (row) =>
          `<tr><th scope="row" style="padding:4px 12px;text-align:start;vertical-align:top;color:#555;font-weight:normal">${escapeHtml(row.label)}</th><td style="padding:4px 12px;vertical-align:top"><bdi>${escapeHtml(row.value)}</bdi></td></tr>`,
      )
      .join('');
    parts.push(`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`);
  }
  if (draft.action) {
    const href = escapeHtml(draft.action.url);
    parts.push(
      `<p style="margin:0 0 16px"><a href="${href}" style="display:inline-block;padding:10px 18px;background:#0b5d3b;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(draft.action.label)}</a></p>`,
      `<p dir="ltr" style="margin:0 0 16px;font-size:13px;word-break:break-all;text-align:start"><a href="${href}" style="color:#0b5d3b">${href}</a></p>`,
    );
  }
  parts.push(...draft.after.map(paragraph), paragraph({ key: 'closing' }));
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}" dir="${dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(draft.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f4f4">',
    `<div dir="${dir}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:${font};font-size:16px;line-height:1.5;color:#1a1a1a;text-align:start">`,
    ...parts,
    `<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="margin:0;font-size:12px;color:#666">${html(locale, 'footer')}</p>`,
    '</div></body></html>',
  ].join('\n');
}

/** The plain-text body, for clients that show no HTML and for screen readers that prefer it. */
export function layoutText(draft: MessageDraft, locale: Locale): string {
  const blocks = [text(locale, 'greeting'), ...draft.paragraphs.map((line) => text(locale, line.key, line.params))];
  if (draft.code !== undefined) blocks.push(`    ${draft.code}`);
  if (draft.rows.length > 0) {
    blocks.push(draft.rows.map((row) => text(locale, 'row', { label: row.label, value: row.value })).join('\n'));
  }
  if (draft.action) blocks.push(text(locale, 'row', { label: draft.action.label, value: draft.action.url }));
  blocks.push(...draft.after.map((line) => text(locale, line.key, line.params)), text(locale, 'closing'));
  return `${blocks.join('\n\n')}\n\n-- \n${text(locale, 'footer')}\n`;
}
