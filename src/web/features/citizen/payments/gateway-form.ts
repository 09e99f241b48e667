import type { GatewayForm } from './payment-api.ts';

/**
 * Sends the browser to the card gateway's hosted page: a hidden form with the signed fields,
 * posted as the protocol requires (the card number is typed there, never on Mawid). Every field
 * goes unchanged — the HASH signs them all.
 */
export function postToGateway(form: GatewayForm, doc: Document = document): void {
  const element = doc.createElement('form');
  element.method = form.method;
  element.action = form.action;
  element.acceptCharset = 'UTF-8';
  element.hidden = true;
  for (const [name, value] of Object.entries(form.fields)) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    element.appendChild(input);
  }
  doc.body.appendChild(element);
  element.submit();
}
