import { Command } from 'commander';
import { RolegateError } from '../errors/rolegate-error.ts';
import { registerApps } from './commands/apps.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDirectory } from './commands/directory.ts';
import { registerSamlInspect } from './commands/saml-inspect.ts';
import { registerSandbox } from './commands/sandbox.ts';
import { registerServe } from './commands/serve.ts';
import { registerToken } from './commands/token.ts';
import { stopQuietlyOnClosedStdout } from './stop-quietly-on-closed-stdout.ts';

stopQuietlyOnClosedStdout();

const program = new Command();
program
  .name('rolegate')
  .description('Self-hosted SAML 2.0 identity provider for AWS, with a strict local AWS sandbox')
  .showHelpAfterError();

registerServe(program);
registerToken(program);
registerDirectory(program);
registerApps(program);
registerSamlInspect(program);
registerSandbox(program);
registerDemo(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof RolegateError && error.expose) {
    process.stderr.write(`rolegate: ${error.message} (${error.code})\n`);
  } else {
    process.stderr.write(`rolegate: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
}
