import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function faultsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).faults;
  }
  throw new Error(`configuration ${JSON.stringify(env)} was accepted`);
}

describe('configuration', () => {
  it('uses safe defaults when nothing is set: port 3000 on 127.0.0.1, embedded PGlite', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      databaseKind: 'pglite',
      DATA_DIR: './data',
      DATABASE_POOL_SIZE: 20,
      LOG_LEVEL: 'info',
      COOKIE_SECURE: true,
      SESSION_TTL_HOURS: 12,
      AVAILABILITY_CACHE_SECONDS: 2,
      SLOT_REFRESH_MINUTES: 60,
      SEED_DEMO: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses a PORT that is not a number, naming PORT', () => {
    const faults = faultsOf({ PORT: 'abc' });
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatch(/^PORT="abc": /);
    expect(faults[0]).toContain('must be a number');
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('refuses a PORT outside 0–65535 or not whole', () => {
    expect(faultsOf({ PORT: '70000' })[0]).toBe('PORT="70000": must be a TCP port (0-65535)');
    expect(faultsOf({ PORT: '-1' })[0]).toMatch(/^PORT="-1"/);
    expect(faultsOf({ PORT: '80.5' })[0]).toMatch(/^PORT="80.5"/);
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    const faults = faultsOf({ DATABASE_URL: 'mysql://x' });
    expect(faults).toEqual(['DATABASE_URL="mysql://x": must start with postgres:// or postgresql://']);
  });

  it('selects PostgreSQL for a postgres:// or postgresql:// URL, and then does not seed the demo by default', () => {
    for (const url of ['postgres://mawid@db:5432/mawid', 'postgresql://mawid@db/mawid']) {
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.databaseKind).toBe('postgres');
      expect(config.DATABASE_URL).toBe(url);
      expect(config.SEED_DEMO).toBe(false);
    }
    expect(loadConfig({ DATABASE_URL: 'postgres://db/m', SEED_DEMO: 'yes' }).SEED_DEMO).toBe(true);
  });

  it('treats an empty variable as unset and ignores variables it does not know', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', HOST: '', SOMETHING_ELSE: 'x' });
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.databaseKind).toBe('pglite');
    expect(config).not.toHaveProperty('SOMETHING_ELSE');
  });

  it('reads booleans from true/false, 1/0, yes/no and refuses anything else', () => {
    expect(loadConfig({ COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: '0' }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: 'no' }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: '1' }).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'no' }).SEED_DEMO).toBe(false);
    expect(faultsOf({ COOKIE_SECURE: 'maybe' })).toEqual([
      'COOKIE_SECURE="maybe": must be one of true, false, 1, 0, yes, no',
    ]);
  });

  it('lists every fault at once, one line per variable', () => {
    const faults = faultsOf({
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
      SESSION_TTL_HOURS: '0',
      AVAILABILITY_CACHE_SECONDS: '61',
    });
    expect(faults.map((f) => f.split('=')[0]).sort()).toEqual([
      'AVAILABILITY_CACHE_SECONDS',
      'DATABASE_URL',
      'LOG_LEVEL',
      'NODE_ENV',
      'PORT',
      'SESSION_TTL_HOURS',
    ]);
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(
      /^Invalid configuration:\n {2}- PORT="abc": .*\n {2}- LOG_LEVEL="loud": /,
    );
  });

  it('derives the public URL from HOST and PORT when unset, without a trailing slash when set', () => {
    expect(loadConfig({}).PUBLIC_URL).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://rdv.example.ma/' }).PUBLIC_URL).toBe('https://rdv.example.ma');
    expect(faultsOf({ PUBLIC_URL: 'rdv.example.ma' })).toEqual([
      'PUBLIC_URL="rdv.example.ma": must be an absolute URL',
    ]);
  });

  const production = {
    NODE_ENV: 'production',
    DOCUMENT_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    SIGNING_PRIVATE_KEY: 'k'.repeat(64),
    SMTP_URL: 'smtps://mailer:secret@smtp.example.org:465',
    PUBLIC_URL: 'https://rdv.example.ma',
    PAYMENT_GATEWAY: 'cmi',
    CMI_CLIENT_ID: '600000000',
    CMI_STORE_KEY: 'STOREKEY-TEST-1',
    CMI_GATEWAY_URL: 'https://testpayment.cmi.co.ma/fim/est3Dgate',
    CMI_API_URL: 'https://testpayment.cmi.co.ma/fim/api',
    CMI_API_USER: 'api',
    CMI_API_PASSWORD: 'api-secret',
  };

  it('refuses production without its keys, mail server and public URL, naming each', () => {
    const faults = faultsOf({ NODE_ENV: 'production' });
    expect(faults.map((f) => f.split(':')[0]).sort()).toEqual([
      'DOCUMENT_MASTER_KEY',
      'PAYMENT_GATEWAY',
      'PUBLIC_URL',
      'SIGNING_PRIVATE_KEY',
      'SMTP_URL',
    ]);
    expect(loadConfig(production).NODE_ENV).toBe('production');
    expect(faultsOf({ ...production, DOCUMENT_MASTER_KEY: 'c2hvcnQ=' })).toEqual([
      'DOCUMENT_MASTER_KEY="c2hvcnQ=": must be 32 bytes encoded in base64',
    ]);
  });

  it('asks for every CMI setting when the CMI gateway is chosen', () => {
    const faults = faultsOf({ PAYMENT_GATEWAY: 'cmi', CMI_CLIENT_ID: '600000000' });
    expect(faults.map((f) => f.split(':')[0]).sort()).toEqual([
      'CMI_API_PASSWORD',
      'CMI_API_URL',
      'CMI_API_USER',
      'CMI_GATEWAY_URL',
      'CMI_STORE_KEY',
    ]);
  });

  it('does not seed the published demo accounts in production by default', () => {
    // The demo accounts share a password published in the README, HQ administrator included:
    // production must not get them unless asked for, whatever the database (config.ts: "Production
    // refuses insecure defaults").
    let config: ReturnType<typeof loadConfig> | undefined;
    try {
      config = loadConfig(production);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).faults.join('\n')).toMatch(/SEED_DEMO|DATABASE_URL/);
      return;
    }
    expect(config.databaseKind).toBe('pglite');
    expect(config.SEED_DEMO).toBe(false);
  });
});
