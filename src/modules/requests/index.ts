// What other modules may use of requests.

export { expireIdleRequests, type RequestExpiryDays } from './expire-requests.ts';
export { type RequestRow, requestOfCitizen, requestOfStaff } from './request-access.ts';
export { loadRequestFacts, type RequestFacts } from './request-facts.ts';
export { type RequestStatus, requestStatuses, requestStatusesLeadingTo } from './request-status.ts';
