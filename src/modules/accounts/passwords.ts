import { hash, type Options, verify } from '@node-rs/argon2';

// argon2id (Algorithm.Argon2id = 2; the enum is const and cannot cross isolated modules) with
// OWASP's minimum of 19 MiB, 2 passes. ~20 ms per hash on this class of machine.
const options: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so an unknown address costs the same time as a
// wrong password and sign-in does not reveal who has an account.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('not-a-real-password-decoy');
  return decoyHash;
}
