// What other modules may use of accounts.
export { emailSchema } from './accounts.schemas.ts';
export { accounts, persons, type Role, roles, staffDepartments } from './accounts.tables.ts';
export { accountsRoutes } from './accounts.routes.ts';
export { hashPassword } from './passwords.ts';
