import { z } from 'zod';
import { localDateSchema, uuidSchema } from '../../platform/http.ts';
import { locales } from '../../platform/i18n/i18n.ts';
import { text } from '../../platform/text-input.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';
import { paymentStatuses, stampStatuses } from './payment-status.ts';
import { breakStatuses } from './reconciliation/break-status.ts';
import { breakReasons, settlementLineTypes } from './reconciliation/reconciliation-terms.ts';

const minor = z.number().int().describe('Integer minor units');
const currencySchema = text()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
  .describe('ISO 4217 alpha code');

const listQueryBase = {
  consulateId: uuidSchema.optional(),
  currency: currencySchema.optional(),
  from: localDateSchema.optional().describe('First day, in each consulate’s own calendar'),
  to: localDateSchema.optional().describe('Last day (inclusive), in each consulate’s own calendar'),
  cursor: text().max(200).optional().describe('The `next` cursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const paymentListQuery = z.object({ ...listQueryBase, status: z.enum(paymentStatuses).optional() });
export const stampListQuery = z.object({ ...listQueryBase, status: z.enum(stampStatuses).optional() });
export const refundListQuery = z.object(listQueryBase);

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const paymentPageSchema = page(
  z.object({
    id: z.uuid(),
    orderId: z.string(),
    consulateId: z.uuid(),
    consulateCode: z.string(),
    serviceCode: z.string(),
    requestId: z.uuid(),
    channel: z.string(),
    gateway: z.string(),
    amountMinor: minor,
    refundedMinor: minor,
    currency: z.string(),
    status: z.enum(paymentStatuses),
    gatewayTransactionId: z.string().nullable(),
    authorizationCode: z.string().nullable(),
    terminalReference: z.string().nullable(),
    stampNumber: z.string().nullable(),
    createdAt: z.string(),
    succeededAt: z.string().nullable(),
  }),
);

export const stampPageSchema = page(
  z.object({
    id: z.uuid(),
    number: z.string(),
    paymentId: z.uuid(),
    consulateId: z.uuid(),
    consulateCode: z.string(),
    serviceCode: z.string(),
    amountMinor: minor,
    currency: z.string(),
    status: z.enum(stampStatuses),
    issuedAt: z.string(),
    consumedAt: z.string().nullable(),
    refundedAt: z.string().nullable(),
  }),
);

export const refundPageSchema = page(
  z.object({
    id: z.uuid(),
    paymentId: z.uuid(),
    orderId: z.string(),
    consulateId: z.uuid(),
    consulateCode: z.string(),
    amountMinor: minor,
    currency: z.string(),
    reason: z.string(),
    requestedBy: z.uuid(),
    gatewayReference: z.string().nullable(),
    createdAt: z.string(),
  }),
);

export const reconciliationParams = z.object({ consulateId: uuidSchema, date: localDateSchema });
export const reconciliationQuery = z.object({
  currency: currencySchema.optional().describe('Default: the consulate’s currency'),
  lang: z.enum(locales).optional(),
});

const tally = z.object({ count: z.number().int(), amountMinor: minor });

export const reconciliationSchema = z
  .object({
    consulate: z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema, timeZone: z.string() }),
    businessDate: z.string(),
    currency: z.string(),
    liability: z
      .object({
        openingMinor: minor,
        sold: tally,
        soldOnline: tally,
        soldCounter: tally,
        consumed: tally,
        refunded: tally,
        adjustmentsMinor: minor,
        closingMinor: minor,
      })
      .describe('The stamps owed to citizens (a credit balance, shown positive)'),
    byService: z.array(
      z.object({
        serviceId: z.uuid(),
        code: z.string(),
        name: localizedTextSchema,
        sold: tally,
        consumed: tally,
        refunded: tally,
      }),
    ),
    accounts: z
      .array(
        z.object({
          kind: z.string(),
          serviceCode: z.string().nullable(),
          openingMinor: minor,
          debitsMinor: minor,
          creditsMinor: minor,
          closingMinor: minor,
        }),
      )
      .describe('Ledger balances, debits positive and credits negative'),
    checks: z.object({
      dayPostingsSumMinor: minor,
      rollForwardDifferenceMinor: minor,
      outstandingStampsMinor: minor,
      outstandingDifferenceMinor: minor,
      balancesToZero: z.boolean(),
    }),
    settlement: z
      .object({
        fileId: z.uuid(),
        uploadedAt: z.string(),
        lineCount: z.number().int(),
        salesMinor: minor,
        refundsMinor: minor,
        netMinor: minor,
        ledgerNetMinor: minor,
        differenceMinor: minor,
        lines: z.array(
          z.object({
            lineNumber: z.number().int(),
            orderId: z.string(),
            gatewayTransactionId: z.string(),
            type: z.enum(settlementLineTypes),
            amountMinor: minor,
            currency: z.string(),
            matchStatus: z.enum(['matched', 'break']),
          }),
        ),
        breaks: z.array(
          z.object({
            id: z.uuid(),
            reason: z.enum(breakReasons),
            orderId: z.string(),
            type: z.enum(settlementLineTypes),
            ledgerAmountMinor: minor.nullable(),
            ledgerCurrency: z.string().nullable(),
            fileAmountMinor: minor.nullable(),
            fileCurrency: z.string().nullable(),
            status: z.enum(breakStatuses),
            resolutionNote: z.string().nullable(),
            resolvedAt: z.string().nullable(),
          }),
        ),
        openBreaks: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'DailyReconciliation' });

export const settlementUploadQuery = z.object({
  consulateId: uuidSchema,
  date: localDateSchema.describe('The business day the file covers (consulate’s zone)'),
  currency: currencySchema.optional().describe('Default: the consulate’s currency'),
});
export const settlementCsvBody = text()
  .min(1)
  .max(5_000_000)
  .describe('text/csv: date,order_id,trans_id,amount,currency,type');

export const settlementImportSchema = z.object({
  fileId: z.uuid(),
  consulateId: z.uuid(),
  businessDate: z.string(),
  currency: z.string(),
  lineCount: z.number().int(),
  matchedLines: z.number().int(),
  breakCount: z.number().int(),
  salesMinor: minor,
  refundsMinor: minor,
  netMinor: minor,
  settlementEntryId: z.number().int().nullable(),
});

export const breakParams = z.object({ breakId: uuidSchema });
export const resolveBreakBody = z.object({
  note: text().trim().min(3, 'must have at least 3 characters').max(2000, 'must have at most 2000 characters'),
});
export const resolvedBreakSchema = z.object({
  id: z.uuid(),
  status: z.enum(breakStatuses),
  resolutionNote: z.string(),
  resolvedAt: z.string(),
});
