// What other modules may use of requests.

export { type RequestRow, requestOfCitizen, requestOfStaff } from './request-access.ts';
export { loadRequestFacts, type RequestFacts } from './request-facts.ts';
export { type RequestStatus, requestStatuses, requestStatusesLeadingTo } from './request-status.ts';
