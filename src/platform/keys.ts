import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

/** The secrets the application holds: never logged, never stored in the database. */
export interface Keys {
  // Wraps each document's data key (AES-256-GCM).
  documentMasterKey: Buffer;
  documentKeyVersion: number;
  // Signs convocation tokens (and, later, stamps); the public key is published for offline checks.
  signingPrivateKey: KeyObject;
  signingPublicKey: KeyObject;
  signingPublicKeyPem: string;
}

function privateKeyFrom(text: string): KeyObject {
  const pem = text.includes('BEGIN') ? text : Buffer.from(text, 'base64').toString('utf8');
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('SIGNING_PRIVATE_KEY must be an Ed25519 key');
  return key;
}

export function keysFrom(documentMasterKey: Buffer, signingPrivateKey: KeyObject): Keys {
  const signingPublicKey = createPublicKey(signingPrivateKey);
  return {
    documentMasterKey,
    documentKeyVersion: 1,
    signingPrivateKey,
    signingPublicKey,
    signingPublicKeyPem: signingPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Fresh keys in memory (tests, benchmarks). */
export function ephemeralKeys(): Keys {
  return keysFrom(randomBytes(32), generateKeyPairSync('ed25519').privateKey);
}

/**
 * The configured keys. Outside production a missing key is generated once and kept in
 * DATA_DIR/keys.json (mode 0600), so documents stay readable across restarts of a demo.
 */
export function loadKeys(config: Config): Keys {
  const file = join(config.DATA_DIR, 'keys.json');
  let stored: { documentMasterKey?: string; signingPrivateKey?: string } = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8'));
  const masterText = config.DOCUMENT_MASTER_KEY ?? stored.documentMasterKey ?? randomBytes(32).toString('base64');
  const signingText =
    config.SIGNING_PRIVATE_KEY ??
    stored.signingPrivateKey ??
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Only generated keys are written down; configured ones stay where the operator keeps them.
  const toStore = {
    documentMasterKey: config.DOCUMENT_MASTER_KEY ? stored.documentMasterKey : masterText,
    signingPrivateKey: config.SIGNING_PRIVATE_KEY ? stored.signingPrivateKey : signingText,
  };
  const changed =
    toStore.documentMasterKey !== stored.documentMasterKey || toStore.signingPrivateKey !== stored.signingPrivateKey;
  if (changed && config.NODE_ENV !== 'production') {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
  }
  return keysFrom(Buffer.from(masterText, 'base64'), privateKeyFrom(signingText));
}
