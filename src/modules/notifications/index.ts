// What other modules and the process entry points may use of notifications.
export { buildCalendarFile, type CalendarEvent } from './calendar-file.ts';
export { type CreatedChannels, createChannels } from './channels.ts';
export { type CaughtMail, type MailCatcher, startMailCatcher } from './dev-mail-catcher.ts';
export { createEmailChannel, type EmailChannel, type EmailMessage, messageIdOf } from './email-channel.ts';
export { type NotificationEvent, type NotificationKind, notificationKinds } from './notification-events.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { notify } from './notify.ts';
export {
  type BatchOptions,
  type BatchResult,
  type Channels,
  OUTBOX_LEASE_MS,
  OUTBOX_MAX_ATTEMPTS,
  type OutboxWorkerDeps,
  runOutboxBatch,
  type WorkerLogger,
} from './outbox-worker.ts';
export { type RunningWorker, startOutboxWorker } from './outbox-worker-loop.ts';
export { enqueueReminders, REMINDER_HOURS_BEFORE, reminderDedupeKey } from './reminders.ts';
export { DevSmsProvider, type SmsProvider } from './sms-channel.ts';
