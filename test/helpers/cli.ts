/** `plancheck` run in-process, as the tests run it: arguments in; exit code, stdout and stderr out. */
import { main } from '../../src/cli/main';

/** Runs the CLI with `args` on a fixed "today"; colour and progress off, as in a pipe. */
export async function runCli(args: string[], today = '2026-11-22'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    errIsTTY: false,
    outIsTTY: false,
    today: () => today,
  });
  return { code, out, err };
}
