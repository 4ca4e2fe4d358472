/** The CLI process that {@link runCli} starts under a heap cap: the CLI on the real stdout and stderr. */
import { main, processIo } from './main';

// A reader that stops early (`plancheck compare a b | head`) closes the pipe: that is not a
// failure, and must not end in a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// stderr is a pipe to the launcher; whether the user's stderr is a terminal comes from it.
void main(process.argv.slice(2), { ...processIo, errIsTTY: process.env.PLANCHECK_STDERR_TTY === '1' }).then((code) => {
  process.exitCode = code;
});
