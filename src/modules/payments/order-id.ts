import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: an order id may be read aloud to the gateway's or the consulate's help desk.
const SAFE = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** ET-PAR-7K3MQ9XD2H for an online payment, CT-PAR-… for one at the counter: unique by 31^10. */
export function newOrderId(channel: 'online' | 'counter', consulateCode: string): string {
  let random = '';
  for (let i = 0; i < 10; i++) random += SAFE[randomInt(0, SAFE.length)];
  return `${channel === 'online' ? 'ET' : 'CT'}-${consulateCode}-${random}`;
}
