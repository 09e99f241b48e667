import { type AuditChainCheck, checkAuditChain } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';

export const AUDIT_USAGE = `Usage: mawid audit verify [--last N]

Checks the audit log: every event's content against its hash, and the seals' chain. With
--last N only the newest N seals are walked (and the events from the first of them on).
Exit code 0 when intact, 1 naming the first broken link, 2 on a usage error.
`;

type Write = (text: string) => void;
export interface CommandOutput {
  out: Write;
  err: Write;
}

function parseLast(args: string[]): number | undefined | 'invalid' {
  if (args.length === 0) return undefined;
  const value = args[0] === '--last' ? args[1] : args[0]?.startsWith('--last=') ? args[0].slice(7) : undefined;
  const isPair = args[0] === '--last' ? args.length === 2 : args.length === 1;
  if (!isPair || value === undefined || !/^[1-9][0-9]{0,6}$/.test(value)) return 'invalid';
  return Number(value);
}

function report(check: AuditChainCheck): string {
  const sealed =
    check.checkedSeals === 0
      ? 'no seal yet'
      : `seals ${check.fromSealId}..${check.toSealId} (${check.checkedSeals}), ${check.checkedEvents} sealed events chained`;
  const unsealed = `${check.unsealedEvents} event${check.unsealedEvents === 1 ? '' : 's'} not sealed yet, rehashed`;
  const lines = [`${sealed}; ${unsealed}`];
  if (check.firstBrokenLink) {
    const { kind, id, problem } = check.firstBrokenLink;
    lines.push(`audit log BROKEN: first broken link: ${kind} ${id}: ${problem}`);
    for (const link of check.brokenLinks.slice(1)) lines.push(`  then ${link.kind} ${link.id}: ${link.problem}`);
  } else {
    lines.push('audit log intact');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `mawid audit <args>`: only `verify` for now. Reads, never writes, and answers with an exit code
 * a monitoring job can act on: 0 intact, 1 broken (the first broken link printed), 2 usage.
 */
export async function auditCommand(db: Db, args: string[], io: CommandOutput): Promise<number> {
  const [subcommand, ...rest] = args;
  const last = parseLast(rest);
  if (subcommand !== 'verify' || last === 'invalid') {
    io.err(AUDIT_USAGE);
    return 2;
  }
  const check = await checkAuditChain(db, { lastSeals: last });
  io.out(report(check));
  return check.isIntact ? 0 : 1;
}
