/**
 * A refusal that no retry will change (an SMTP 5xx: the mailbox does not exist). The worker gives
 * the message up at once instead of retrying it for hours.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}
