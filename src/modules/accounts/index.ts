// What other modules may use of accounts.

export { accountsRoutes } from './accounts.routes.ts';
export { emailSchema } from './accounts.schemas.ts';
export { accounts, persons, type Role, roles, staffDepartments } from './accounts.tables.ts';
export { hashPassword } from './passwords.ts';
export { sealTotpSecret, totpCode } from './totp.ts';
