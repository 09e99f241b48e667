import type { Locale } from '../../../platform/i18n/i18n.ts';
import type { LocalizedText } from '../../network/network.tables.ts';
import type { RequestFacts } from '../../requests/index.ts';
import type { AppointmentFacts } from '../../scheduling/index.ts';
import { buildCalendarFile, sequenceAt } from '../calendar-file.ts';
import type { MessageFacts } from '../message-facts.ts';
import { text } from './catalogue.ts';
import { type Line, layoutHtml, layoutText, type MessageDraft } from './layout.ts';
import { describeLocalTime } from './local-time.ts';

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  // At most SMS_MAX_CHARACTERS.
  sms: string;
  calendar?: { method: 'PUBLISH' | 'CANCEL'; filename: string; content: string };
}

export interface RenderContext {
  locale: Locale;
  // Links in messages start here (config.PUBLIC_URL, without a trailing slash).
  publicUrl: string;
  // The From: address, named as the organizer in calendar files.
  organizerEmail: string;
  recipientEmail: string;
  // When the event happened: the calendar file's DTSTAMP and SEQUENCE.
  createdAt: Date;
}

export const SMS_MAX_CHARACTERS = 300;

const pick = (name: LocalizedText, locale: Locale) => name[locale] ?? name.fr;

/** Latin name always; Arabic readers also get the Arabic name when the person has one. */
export function personName(person: RequestFacts['person'], locale: Locale): string {
  const latin = `${person.givenNameLatin} ${person.familyNameLatin}`.trim();
  const arabic = [person.givenNameArabic, person.familyNameArabic].filter(Boolean).join(' ');
  return locale === 'ar' && arabic ? `${arabic} (${latin})` : latin;
}

// A guard, not a layout: the catalogue's SMS texts are written (and tested) to fit.
function clampSms(value: string): string {
  const characters = [...value];
  return characters.length <= SMS_MAX_CHARACTERS ? value : `${characters.slice(0, SMS_MAX_CHARACTERS - 1).join('')}…`;
}

function reasonText(locale: Locale, reasonCode: string): string {
  return text(locale, `reason.${reasonCode}`, {}, `reason.other`);
}

function requestDraft(facts: Extract<MessageFacts, { request: RequestFacts }>, ctx: RenderContext): MessageDraft {
  const { locale, publicUrl } = ctx;
  const { request } = facts;
  const reference = request.reference;
  const rows = [
    { label: text(locale, 'label.request'), value: reference },
    { label: text(locale, 'label.person'), value: personName(request.person, locale) },
    { label: text(locale, 'label.service'), value: pick(request.service.name, locale) },
    { label: text(locale, 'label.consulate'), value: pick(request.consulate.name, locale) },
  ];
  const draft: MessageDraft = {
    subject: text(locale, `${facts.kind}.subject`, { reference }),
    paragraphs: [{ key: `${facts.kind}.intro` }],
    rows,
    after: [],
    sms: '',
  };
  const requestUrl = `${publicUrl}/requests/${request.requestId}`;
  switch (facts.kind) {
    case 'request.received':
      draft.sms = text(locale, 'request.received.sms', { reference, service: pick(request.service.name, locale) });
      break;
    case 'request.accepted':
      draft.action = { label: text(locale, 'request.accepted.action'), url: `${requestUrl}/book` };
      draft.sms = text(locale, 'request.accepted.sms', { reference, link: `${requestUrl}/book` });
      break;
    case 'request.more_info':
    case 'request.rejected': {
      const reason = reasonText(locale, facts.reasonCode);
      rows.push({ label: text(locale, 'label.reason'), value: reason });
      if (facts.note) rows.push({ label: text(locale, 'label.note'), value: facts.note });
      if (facts.kind === 'request.more_info') {
        draft.action = { label: text(locale, 'request.more_info.action'), url: requestUrl };
      }
      draft.sms = text(locale, `${facts.kind}.sms`, { reference, reason, link: requestUrl });
      break;
    }
    case 'request.expired':
      draft.action = { label: text(locale, 'request.expired.action'), url: `${publicUrl}/requests/new` };
      draft.sms = text(locale, 'request.expired.sms', { reference });
      break;
  }
  return draft;
}

function appointmentDraft(facts: Extract<MessageFacts, { appointment: AppointmentFacts }>, ctx: RenderContext) {
  const { locale, publicUrl } = ctx;
  const { appointment } = facts;
  const { reference } = appointment;
  const when = describeLocalTime(appointment.startsAt, appointment.consulate, locale);
  const address = appointment.consulate.address;
  const consulateName = pick(appointment.consulate.name, locale);
  const serviceName = pick(appointment.service.name, locale);
  const convocationUrl = `${publicUrl}/api/v1/appointments/${appointment.appointmentId}/convocation.pdf`;
  const rebookUrl = appointment.requestId ? `${publicUrl}/requests/${appointment.requestId}/book` : `${publicUrl}/`;
  const rows = [
    { label: text(locale, 'label.reference'), value: reference },
    { label: text(locale, 'label.person'), value: personName(appointment.person, locale) },
    { label: text(locale, 'label.service'), value: serviceName },
    { label: text(locale, 'label.consulate'), value: consulateName },
    { label: text(locale, 'label.address'), value: address },
    { label: text(locale, 'label.when'), value: when.long },
  ];
  const paragraphs: Line[] = [{ key: `${facts.kind}.intro` }];
  const after: Line[] = [];
  let action: MessageDraft['action'];
  let method: 'PUBLISH' | 'CANCEL' | undefined = 'PUBLISH';
  switch (facts.kind) {
    case 'appointment.booked':
    case 'appointment.reminder':
      action = { label: text(locale, 'action.convocation'), url: convocationUrl };
      break;
    case 'appointment.moved': {
      const previous = describeLocalTime(facts.previousStartsAt, appointment.consulate, locale);
      rows.push({ label: text(locale, 'label.previous'), value: previous.long });
      action = { label: text(locale, 'action.convocation'), url: convocationUrl };
      break;
    }
    case 'appointment.cancelled':
      method = 'CANCEL';
      paragraphs[0] = { key: `appointment.cancelled.intro.${facts.byConsulate ? 'consulate' : 'citizen'}` };
      if (facts.reason) rows.push({ label: text(locale, 'label.note'), value: facts.reason });
      if (facts.byConsulate) action = { label: text(locale, 'action.rebook'), url: rebookUrl };
      break;
    case 'appointment.no_show':
      method = undefined;
      action = { label: text(locale, 'action.rebook'), url: rebookUrl };
      break;
    case 'appointment.not_served':
      method = undefined;
      rows.push({
        label: text(locale, 'label.reason'),
        value: text(locale, `notServed.${facts.reason}`, {}, 'notServed.other'),
      });
      action = { label: text(locale, 'action.rebook'), url: rebookUrl };
      break;
  }
  if (method) after.push({ key: method === 'CANCEL' ? 'calendar.cancelled' : 'calendar.attached' });
  const draft: MessageDraft = {
    subject: text(locale, `${facts.kind}.subject`, { when: when.short }),
    paragraphs,
    rows,
    action,
    after,
    sms: text(locale, `${facts.kind}.sms`, { reference, when: when.short, address, link: rebookUrl }),
  };
  const calendar = method && {
    method,
    filename: `${reference}.ics`,
    content: buildCalendarFile({
      method,
      uid: `${appointment.appointmentId}@mawid`,
      sequence: sequenceAt(ctx.createdAt),
      stamp: ctx.createdAt,
      start: new Date(appointment.startsAt),
      end: new Date(appointment.endsAt),
      summary: text(locale, 'calendar.summary', { service: serviceName }),
      location: text(locale, 'calendar.location', { consulate: consulateName, address }),
      description: text(locale, 'calendar.description', { reference, link: convocationUrl }),
      organizer: { name: consulateName, email: ctx.organizerEmail },
      attendee: method === 'CANCEL' ? ctx.recipientEmail : undefined,
      url: method === 'CANCEL' ? undefined : convocationUrl,
    }),
  };
  return { draft, calendar };
}

function codeDraft(facts: Extract<MessageFacts, { code: string }>, locale: Locale): MessageDraft {
  const minutes = facts.expiresInMinutes;
  return {
    subject: text(locale, `${facts.kind}.subject`),
    paragraphs: [{ key: `${facts.kind}.intro` }],
    code: facts.code,
    rows: [],
    after: [{ key: `${facts.kind}.validity`, params: { minutes } }],
    sms: text(locale, `${facts.kind}.sms`, { code: facts.code, minutes }),
  };
}

/** One message in the recipient's language: subject, HTML and text bodies, SMS, and its calendar file. */
export function renderMessage(facts: MessageFacts, ctx: RenderContext): RenderedMessage {
  let draft: MessageDraft;
  let calendar: RenderedMessage['calendar'];
  if ('code' in facts) draft = codeDraft(facts, ctx.locale);
  else if ('request' in facts) draft = requestDraft(facts, ctx);
  else ({ draft, calendar } = appointmentDraft(facts, ctx));
  return {
    subject: draft.subject,
    html: layoutHtml(draft, ctx.locale),
    text: layoutText(draft, ctx.locale),
    sms: clampSms(draft.sms),
    ...(calendar ? { calendar } : {}),
  };
}
