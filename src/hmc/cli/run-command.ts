// Runs one HMC command: look it up, parse its flags, run it, and render success or failure the HMC way
// (hmc-cli.md §5: errors start with the HSCL code, exit status non-zero, on the configured stream).
import { fail, isHmcError, renderError } from '../../errors/hmc-error.ts';
import { usersOf } from '../users/users-of.ts';
import { ERRORS } from '../../errors/catalog.ts';
import type { Hmc } from '../hmc.ts';
import { parseArgs } from './args.ts';
import type { CommandResult, Session } from './command.ts';
import { COMMANDS } from './registry.ts';

export async function runCommand(hmc: Hmc, argv: string[], session: Session, eol = '\n'): Promise<CommandResult> {
  const [name, ...rest] = argv;
  const out: string[] = [];
  let result: CommandResult;
  const def = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!def) {
    const text = renderError('COMMAND_NOT_FOUND', { name: name ?? '' });
    result = { stdout: '', stderr: text + eol, exit: ERRORS.COMMAND_NOT_FOUND.exit };
  } else {
    try {
      // Task roles are enforced on every command, whichever face it came from (platform.md §11).
      if (!usersOf(hmc).mayRun(session.user, name!)) fail('NO_AUTHORITY');
      const args = parseArgs(name, rest, def.flags, def.positional ?? 0);
      const ctx = { hmc, session, out, exit: 0 };
      await def.run(ctx, args);
      result = { stdout: out.length ? out.join(eol) + eol : '', stderr: '', exit: ctx.exit };
    } catch (e) {
      if (!isHmcError(e)) throw e;
      const text = e.message + eol;
      result = hmc.config.hmc.errorStream === 'stdout' ? { stdout: text, stderr: '', exit: e.exit } : { stdout: '', stderr: text, exit: e.exit };
    }
  }
  hmc.db.audit(hmc.clock.now(), session.user, redactSecrets(argv).join(' '), result.exit);
  return result;
}

/** The audit log never keeps a password: values of password flags and passwd= attributes are masked. */
export function redactSecrets(argv: string[]): string[] {
  const out = [...argv];
  for (let i = 0; i < out.length; i++) {
    if (/^--?(passwd|newpasswd)$/.test(out[i]) && i + 1 < out.length) out[++i] = '********';
    else if (out[i] === '-v' && argv.includes('passwd') && i + 1 < out.length) out[++i] = '********';
    else out[i] = out[i].replace(/((?:^|,|")(?:passwd|password|new_passwd)=)[^,"]*/g, '$1********');
  }
  return out;
}
