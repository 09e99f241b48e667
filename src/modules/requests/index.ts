// What other modules may use of requests.

export { callerLocale } from './caller-locale.ts';
export {
  type DocumentRefusalReasonCode,
  documentRefusalReasonCodes,
  presentRefusal,
  storedRefusal,
} from './document-refusal-reasons.ts';
export { expireIdleRequests, type RequestExpiryDays } from './expire-requests.ts';
export { type RequestRow, requestOfCitizen, requestOfStaff } from './request-access.ts';
export { requestChanged } from './request-changed.ts';
export { loadRequestFacts, type RequestFacts } from './request-facts.ts';
export { type RequestStatus, requestStatuses, requestStatusesLeadingTo } from './request-status.ts';
