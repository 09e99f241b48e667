import { z } from 'zod';
import { uuidSchema } from '../../platform/http.ts';

export const localizedTextSchema = z
  .object({ ar: z.string(), fr: z.string(), en: z.string(), es: z.string().optional() })
  .meta({ id: 'LocalizedText' });

export const consulateSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: localizedTextSchema,
    country: z.string().describe('ISO 3166-1 alpha-2'),
    city: z.string(),
    address: z.string(),
    timeZone: z.string().describe('IANA time zone; every slot is in it'),
    currency: z.string().describe('ISO 4217'),
    languages: z.array(z.string()),
  })
  .meta({ id: 'Consulate' });

export const consulateListSchema = z.object({ consulates: z.array(consulateSchema) });
export const consulateParams = z.object({ consulateId: uuidSchema });

export const serviceSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: localizedTextSchema,
    departmentKind: z.string(),
    durationMinutes: z.number().int(),
    requiredDocuments: z.array(z.string()),
    requiresVerification: z.boolean(),
    minAgeYears: z
      .number()
      .int()
      .nullable()
      .describe('Youngest age (whole years, on the appointment date) the service is for; null: no bound'),
    maxAgeYears: z
      .number()
      .int()
      .nullable()
      .describe('Oldest age (whole years, on the appointment date) the service is for; null: no bound'),
  })
  .meta({ id: 'Service' });

export const offeredServiceSchema = serviceSchema
  .extend({
    departmentId: z.uuid(),
    fee: z.object({
      amountMinor: z.number().int().describe('Integer minor units of the currency'),
      currency: z.string(),
      isDemoValue: z.boolean().describe('True while fees are demonstration values'),
    }),
    horizonDays: z.number().int(),
    minNoticeMinutes: z.number().int(),
    cancellationCutoffMinutes: z.number().int(),
  })
  .meta({ id: 'OfferedService' });

export const serviceListSchema = z.object({ services: z.array(serviceSchema) });
export const offeredServiceListSchema = z.object({ services: z.array(offeredServiceSchema) });

export const consulateOfferSchema = offeredServiceSchema
  .extend({
    isEnabled: z.boolean().describe('Offered to citizens; a disabled service keeps its settings'),
    acceptsWalkIns: z.boolean().describe('The desk may give a ticket to someone without an appointment'),
  })
  .meta({ id: 'ConsulateOffer' });
export const consulateOfferListSchema = z.object({ services: z.array(consulateOfferSchema) });
