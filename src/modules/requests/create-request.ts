import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import { accounts, persons } from '../accounts/index.ts';
import { ineligibilityWithin } from '../network/eligibility.ts';
import { consulateServices, consulates, services } from '../network/network.tables.ts';
import { notEligible } from '../network/not-eligible.ts';
import { addDays, localDateOf } from '../scheduling/slot-engine.ts';
import { newRequestReference } from './request-reference.ts';
import { openRequestStatuses } from './request-status.ts';
import { requests } from './requests.tables.ts';

/**
 * Opens a request for a person of the account. A service that needs no verification is accepted at
 * once (there is nothing to check before the counter); the others start as a draft to fill.
 */
export async function createRequest(
  deps: { db: Db; now: Date },
  input: { accountId: string; personId: string; consulateId: string; serviceId: string },
): Promise<{ id: string; reference: string; status: string }> {
  const { db, now } = deps;
  try {
    return await db.transaction(async (tx) => {
      const [account] = await tx
        .select({ emailVerifiedAt: accounts.emailVerifiedAt })
        .from(accounts)
        .where(eq(accounts.id, input.accountId));
      if (!account?.emailVerifiedAt) {
        throw new AppError('EMAIL_NOT_CONFIRMED', 403, 'Confirm your e-mail address with the code we sent first.');
      }
      const [person] = await tx
        .select({ id: persons.id, birthDate: persons.birthDate })
        .from(persons)
        .where(and(eq(persons.id, input.personId), eq(persons.accountId, input.accountId)));
      if (!person) throw new AppError('PERSON_NOT_FOUND', 404, 'This person is not on your account.');
      const [offer] = await tx
        .select({
          code: consulates.code,
          departmentId: consulateServices.departmentId,
          isEnabled: consulateServices.isEnabled,
          requiresVerification: services.requiresVerification,
          minAgeYears: services.minAgeYears,
          maxAgeYears: services.maxAgeYears,
          horizonDays: consulateServices.horizonDays,
          timeZone: consulates.timeZone,
        })
        .from(consulateServices)
        .innerJoin(consulates, eq(consulates.id, consulateServices.consulateId))
        .innerJoin(services, eq(services.id, consulateServices.serviceId))
        .where(
          and(eq(consulateServices.consulateId, input.consulateId), eq(consulateServices.serviceId, input.serviceId)),
        );
      if (!offer?.isEnabled) {
        throw new AppError('SERVICE_NOT_OFFERED', 404, 'This consulate does not offer this service.');
      }
      // The appointment is not dated yet: the person must be of age on some day of the booking horizon
      // (the booking statement checks the exact day).
      const today = localDateOf(now, offer.timeZone);
      const ineligibility = ineligibilityWithin(offer, person.birthDate, today, addDays(today, offer.horizonDays));
      if (ineligibility) throw notEligible(offer, ineligibility);
      const isAccepted = !offer.requiresVerification;
      const [created] = await tx
        .insert(requests)
        .values({
          reference: newRequestReference(offer.code),
          consulateId: input.consulateId,
          serviceId: input.serviceId,
          departmentId: offer.departmentId,
          personId: input.personId,
          accountId: input.accountId,
          status: isAccepted ? 'accepted' : 'draft',
          decidedAt: isAccepted ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: requests.id, reference: requests.reference, status: requests.status });
      await recordAudit(tx, {
        actorAccountId: input.accountId,
        action: 'request.created',
        entityType: 'request',
        entityId: created!.id,
        consulateId: input.consulateId,
        after: { status: created!.status, serviceId: input.serviceId, personId: input.personId },
        at: now,
      });
      return created!;
    });
  } catch (error) {
    // Outside the (rolled back) transaction: find the request that is already open.
    if (isUniqueViolation(error, 'requests_one_open_per_person_service')) {
      const [open] = await db
        .select({ id: requests.id, reference: requests.reference })
        .from(requests)
        .where(
          and(
            eq(requests.personId, input.personId),
            eq(requests.serviceId, input.serviceId),
            inArray(requests.status, [...openRequestStatuses]),
          ),
        )
        .limit(1);
      throw new AppError(
        'REQUEST_ALREADY_OPEN',
        409,
        `This person already has an open request for this service${open ? ` (${open.reference})` : ''}.`,
        { requestId: open?.id, reference: open?.reference },
      );
    }
    throw error;
  }
}
