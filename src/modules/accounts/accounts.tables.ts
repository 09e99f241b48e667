import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consulates, departments } from '../network/network.tables.ts';

export const roles = [
  'citizen',
  'consular_agent',
  'consulate_admin',
  'call_center_agent',
  'hq_admin',
  'treasury_auditor',
] as const;
export type Role = (typeof roles)[number];

export const personRelations = ['self', 'child', 'spouse', 'parent', 'other'] as const;

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    // argon2id, PHC string.
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    // Staff bound to one consulate (agents, consulate admins); null for citizens and network roles.
    consulateId: uuid('consulate_id').references(() => consulates.id),
    locale: text('locale').notNull().default('fr'),
    // E.164 (+33612345678): SMS notifications go there when given.
    phone: text('phone'),
    // Citizens confirm their e-mail with a code before they can open requests.
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    // Sign-in throttling per account: failures in a row, and until when sign-in is refused.
    failedSignIns: smallint('failed_sign_ins').notNull().default(0),
    signInLockedUntil: timestamp('sign_in_locked_until', { withTimezone: true }),
    // Staff's second factor (TOTP): the secret sealed with the master key, when it was enrolled, and
    // the last time step accepted (a code is never accepted twice).
    totpSecretSealed: text('totp_secret_sealed'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    // Staff: the name colleagues and audit pages show.
    displayName: text('display_name'),
    // A deactivated account cannot sign in and its sessions end at once; it is kept for the history.
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('accounts_phone_format', sql`${t.phone} IS NULL OR ${t.phone} ~ '^[+][1-9][0-9]{6,14}$'`),
    uniqueIndex('accounts_email_key').on(sql`lower(${t.email})`),
    index('accounts_phone_idx').on(t.phone).where(sql`${t.phone} IS NOT NULL`),
    check('accounts_locale', sql`${t.locale} IN ('ar', 'fr', 'en', 'es')`),
    check('accounts_role', sql.raw(`role IN (${roles.map((r) => `'${r}'`).join(', ')})`)),
    check('accounts_scope', sql`(${t.role} IN ('consular_agent', 'consulate_admin')) = (${t.consulateId} IS NOT NULL)`),
  ],
);

/** Departments a consular agent works in (their verification queue and counters). */
export const staffDepartments = pgTable(
  'staff_departments',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [uniqueIndex('staff_departments_key').on(t.accountId, t.departmentId)],
);

/**
 * A person services are delivered to: the account holder themself ('self') or a relative they
 * act for. Appointments belong to a person, so a parent can book for each child.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    relation: text('relation', { enum: personRelations }).notNull(),
    givenNameLatin: text('given_name_latin').notNull(),
    familyNameLatin: text('family_name_latin').notNull(),
    givenNameArabic: text('given_name_arabic'),
    familyNameArabic: text('family_name_arabic'),
    birthDate: date('birth_date'),
    birthPlace: text('birth_place'),
    // Identity numbers: validated for format, never logged, never put in audit events or messages.
    cnieNumber: text('cnie_number'),
    passportNumber: text('passport_number'),
    consularRegistrationNumber: text('consular_registration_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('persons_account_idx').on(t.accountId),
    // The call center finds a person by an identity number.
    index('persons_cnie_idx').on(t.cnieNumber).where(sql`${t.cnieNumber} IS NOT NULL`),
    index('persons_passport_idx').on(t.passportNumber).where(sql`${t.passportNumber} IS NOT NULL`),
    index('persons_registration_idx')
      .on(t.consularRegistrationNumber)
      .where(sql`${t.consularRegistrationNumber} IS NOT NULL`),
    uniqueIndex('persons_one_self_key').on(t.accountId).where(sql`${t.relation} = 'self'`),
    check('persons_relation', sql.raw(`relation IN (${personRelations.map((r) => `'${r}'`).join(', ')})`)),
  ],
);

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // The absolute end (staff: 10 hours; citizens: SESSION_TTL_HOURS).
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // Staff sessions also end after a time idle: the last request seen (kept to the minute).
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    idleMinutes: smallint('idle_minutes'),
    // Staff: null until the second factor was given; the session opens nothing else before.
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * An invitation to join as staff (a consulate admin inviting an agent, headquarters a consulate
 * admin, `mawid admin create-hq` the first headquarters admin): a link with a token (only its
 * SHA-256 kept) that expires; the invitee sets a password and enrols the second factor.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    role: text('role', { enum: roles }).notNull(),
    consulateId: uuid('consulate_id').references(() => consulates.id),
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    displayName: text('display_name'),
    tokenHash: text('token_hash').notNull(),
    // Null: the command line (create-hq).
    invitedBy: uuid('invited_by').references(() => accounts.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    accountId: uuid('account_id').references(() => accounts.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_invitations_token_key').on(t.tokenHash),
    // One invitation waiting per e-mail address.
    uniqueIndex('staff_invitations_one_open_per_email')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL`),
    check('staff_invitations_role', sql`${t.role} <> 'citizen'`),
    check(
      'staff_invitations_scope',
      sql`(${t.role} IN ('consular_agent', 'consulate_admin')) = (${t.consulateId} IS NOT NULL)`,
    ),
  ],
);

/** Single-use recovery codes of a staff member's second factor, kept hashed. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_account_idx').on(t.accountId)],
);

/**
 * One-time codes sent by e-mail: confirming the address, resetting a password. Only a hash is kept;
 * a code expires, allows a few attempts, and is used once.
 */
export const accountCodes = pgTable(
  'account_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    purpose: text('purpose', { enum: ['email_confirmation', 'password_reset'] }).notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('account_codes_account_idx').on(t.accountId, t.purpose),
    check('account_codes_purpose', sql`${t.purpose} IN ('email_confirmation', 'password_reset')`),
  ],
);
