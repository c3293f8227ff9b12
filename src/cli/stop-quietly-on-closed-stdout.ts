/**
 * `rolegate groups list | head`: once the reader has gone, every write to stdout fails with
 * EPIPE, and an unhandled stream error would end the command with a stack trace. Stop the
 * way `cat` does instead, silently, keeping the exit status the command has so far. Node
 * ignores SIGPIPE, so this is the only notice the process gets.
 */
export function stopQuietlyOnClosedStdout(stdout: NodeJS.WriteStream = process.stdout): void {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
