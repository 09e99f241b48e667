import type { GatewayLocale } from '../gateways/gateway.ts';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { type CallbackMode, callbackModes } from './sandbox-bank.ts';
import { groupedCardNumber, TEST_CARDS } from './test-cards.ts';

/**
 * The sandbox's hosted pages: server-rendered HTML with minimal CSS, in the language the merchant
 * asked for (`lang`), right to left in Arabic. No script but one same-origin file that submits the
 * return form, as the real gateway's page does.
 */
export type SandboxMessageKey = keyof typeof en;
export const sandboxCatalogues: Record<GatewayLocale, Record<SandboxMessageKey, string>> = { ar, fr, en };

export function sandboxLocale(lang: string | null | undefined): GatewayLocale {
  return lang === 'ar' || lang === 'en' || lang === 'fr' ? lang : 'fr';
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2433}
main{max-width:28rem;margin:1.5rem auto;background:#fff;padding:1.25rem 1.5rem;border-radius:.5rem;box-shadow:0 1px 3px #0002}
.banner{background:#b00020;color:#fff;font-weight:700;text-align:center;padding:.6rem;letter-spacing:.02em}
label{display:block;margin:.8rem 0 .25rem;font-weight:600}
input,select{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #9aa3b2;border-radius:.25rem}
button{margin-top:1rem;width:100%;padding:.7rem;font-size:1rem;font-weight:700;background:#0b5cad;color:#fff;border:0;border-radius:.25rem}
.error{color:#b00020;font-weight:600}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
code{direction:ltr;unicode-bidi:embed}
`;

function layout(locale: GatewayLocale, body: string, options: { script?: boolean } = {}): string {
  const t = sandboxCatalogues[locale];
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(t.title)}</title><style>${STYLE}</style>
${options.script ? '<script src="/sandbox/cmi/autosubmit.js" defer></script>' : ''}</head>
<body><div class="banner" role="alert">${escapeHtml(t.banner)}</div><main>${body}</main></body></html>`;
}

export interface CardPageInput {
  locale: GatewayLocale;
  orderId: string;
  amountText: string;
  currency: string;
  shopUrl: string | null;
  session: string;
  mode: CallbackMode;
  hasInvalidCard?: boolean;
}

export function cardPage(input: CardPageInput): string {
  const t = sandboxCatalogues[input.locale];
  const cards = TEST_CARDS.map(
    (card) => `<li><code>${groupedCardNumber(card.number)}</code> — ${escapeHtml(t[`card.${card.outcome}`])}</li>`,
  ).join('');
  const modes = callbackModes
    .map(
      (mode) =>
        `<option value="${mode}"${mode === input.mode ? ' selected' : ''}>${escapeHtml(t[`mode.${mode}`])}</option>`,
    )
    .join('');
  const cancel = input.shopUrl ? `<p><a href="${escapeHtml(input.shopUrl)}">${escapeHtml(t.cancel)}</a></p>` : '';
  return layout(
    input.locale,
    `<h1>${escapeHtml(t.title)}</h1>
<dl><dt>${escapeHtml(t.order)}</dt><dd><code>${escapeHtml(input.orderId)}</code></dd>
<dt>${escapeHtml(t.amount)}</dt><dd><code>${escapeHtml(input.amountText)} ${escapeHtml(input.currency)}</code></dd></dl>
${input.hasInvalidCard ? `<p class="error" role="alert">${escapeHtml(t.invalidCard)}</p>` : ''}
<form method="post" action="/sandbox/cmi/pay" autocomplete="off">
<input type="hidden" name="session" value="${escapeHtml(input.session)}">
<label for="cardNumber">${escapeHtml(t.cardNumber)}</label>
<input id="cardNumber" name="cardNumber" inputmode="numeric" required dir="ltr">
<label for="expiry">${escapeHtml(t.expiry)}</label>
<input id="expiry" name="expiry" placeholder="12/30" dir="ltr">
<label for="cvv">${escapeHtml(t.cvv)}</label>
<input id="cvv" name="cvv" inputmode="numeric" dir="ltr">
<label for="callback">${escapeHtml(t.callbackMode)}</label>
<select id="callback" name="callback">${modes}</select>
<button type="submit">${escapeHtml(t.pay)}</button>
</form>
${cancel}
<h2>${escapeHtml(t.testCards)}</h2><ul>${cards}</ul>`,
  );
}

export type RefusalReason = 'bad_hash' | 'missing_fields' | 'unknown_merchant' | 'unknown_session' | 'already_paid';

export function refusedPage(locale: GatewayLocale, reason: RefusalReason): string {
  const t = sandboxCatalogues[locale];
  return layout(
    locale,
    `<h1>${escapeHtml(t['refused.title'])}</h1><p class="error" role="alert">${escapeHtml(t[`refused.${reason}`])}</p>`,
  );
}

/** Sends the browser back to the merchant with the signed fields, as the gateway does (POST). */
export function returnPage(locale: GatewayLocale, target: string, fields: Record<string, string>): string {
  const t = sandboxCatalogues[locale];
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return layout(
    locale,
    `<p>${escapeHtml(t.redirecting)}</p>
<form id="return" method="post" action="${escapeHtml(target)}">
${inputs}
<button type="submit">${escapeHtml(t.continue)}</button>
</form>`,
    { script: true },
  );
}

export const AUTOSUBMIT_SCRIPT = "document.getElementById('return')?.submit();\n";
