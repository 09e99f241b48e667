// What other modules may use of requests.
export { type RequestFacts, loadRequestFacts } from './request-facts.ts';
export { type RequestRow, requestOfCitizen, requestOfStaff } from './request-access.ts';
export { type RequestStatus, requestStatuses, requestStatusesLeadingTo } from './request-status.ts';
