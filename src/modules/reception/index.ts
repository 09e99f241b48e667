// What other modules (and main.ts's scheduler) may use of reception.
export { advanceAppointment, type CounterStep } from './advance-appointment.ts';
export { buildConvocation } from './build-convocation.ts';
export { type CheckInBy, checkInAppointment } from './check-in-appointment.ts';
export { closeFloorDays } from './close-floor-days.ts';
export { closeOpenDays } from './close-open-days.ts';
export {
  type ConvocationClaims,
  type ConvocationPayload,
  signConvocationToken,
  verifyConvocationToken,
} from './convocation-token.ts';
export { countNoShows, markNoShows } from './mark-no-shows.ts';
// Text on PDF pages in any of our scripts (Arabic shaped and ordered), for other modules' documents.
export { registeredFont, registerFaces } from './pdf-faces.ts';
export {
  type Align,
  drawLine,
  drawParagraph,
  fitLine,
  lineHeight,
  measureLine,
  type TextStyle,
  wrapText,
} from './pdf-lines.ts';
export { receptionRoutes } from './reception.routes.ts';
export { type ConvocationInput, renderConvocation } from './render-convocation.ts';
