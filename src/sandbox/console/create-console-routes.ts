import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  authorizeSamlRole,
  SandboxSamlError,
  validateSamlResponseForAws,
  type SandboxDirectory,
  type SamlValidationOptions,
  type ValidatedAwsSamlResponse,
} from '../saml/index.ts';
import { renderConsolePage } from './render-console-page.ts';
import { renderErrorPage } from './render-error-page.ts';
import { groupByAccount, renderRoleChooser } from './render-role-chooser.ts';

export interface ConsoleRouteDeps {
  directory: SandboxDirectory;
  options: () => SamlValidationOptions;
  publicUrl: string;
}

// Base64 SAMLResponse (at most 100,000 characters) plus RelayState and form encoding.
const MAX_FORM_BYTES = 512 * 1024;

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

interface SignInForm {
  samlResponse: string;
  relayState: string | undefined;
  role: string | undefined;
}

// The SAML HTTP-POST binding is a url-encoded form (saml-bindings §3.5.4). Anything else is
// read as an empty form, which the checks then refuse with a clear page instead of a 500.
async function readForm(c: Context): Promise<SignInForm> {
  const urlEncoded = /^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '');
  const body = new URLSearchParams(urlEncoded ? await c.req.text() : '');
  const text = (name: string) => body.get(name) ?? undefined;
  return { samlResponse: text('SAMLResponse') ?? '', relayState: text('RelayState'), role: text('role') };
}

/**
 * The console sign-in of the sandbox: `POST /saml` (SAML HTTP-POST binding, as
 * https://signin.aws.amazon.com/saml) and `POST /saml/choose` for the role chooser.
 */
export function createConsoleRoutes(deps: ConsoleRouteDeps): Hono {
  const app = new Hono();

  app.use('/saml', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  app.use('/saml/*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  const limit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: (c) => c.html(renderErrorPage({ code: 'ValidationError', check: 'check-size', message: `The form is larger than ${MAX_FORM_BYTES} bytes` }), 413),
  });

  const refuse = (c: Context, error: unknown) => {
    if (!(error instanceof SandboxSamlError)) throw error;
    return c.html(renderErrorPage(error), error.httpStatus as 400 | 403);
  };

  const signIn = (c: Context, validated: ValidatedAwsSamlResponse, options: SamlValidationOptions, pair: { roleArn: string; principalArn: string }, relayState: string | undefined) => {
    const session = authorizeSamlRole(validated, { ...pair, purpose: 'console' }, deps.directory, options);
    return c.html(renderConsolePage(session, relayState));
  };

  app.post('/saml', limit, async (c) => {
    const form = await readForm(c);
    const options = deps.options();
    try {
      const validated = validateSamlResponseForAws(form.samlResponse, deps.directory, options);
      const only = validated.roles.length === 1 && validated.rejectedRoles.length === 0 ? validated.roles[0] : undefined;
      if (only) return signIn(c, validated, options, only, form.relayState);
      return c.html(
        renderRoleChooser({
          samlResponse: form.samlResponse,
          relayState: form.relayState,
          groups: groupByAccount(validated.roles, (id) => deps.directory.getAccountAlias(id)),
          rejected: validated.rejectedRoles,
        }),
      );
    } catch (error) {
      return refuse(c, error);
    }
  });

  app.post('/saml/choose', limit, async (c) => {
    const form = await readForm(c);
    const options = deps.options();
    try {
      // Validated again from scratch: the hidden field is as untrusted as the first POST.
      const validated = validateSamlResponseForAws(form.samlResponse, deps.directory, options);
      if (form.role === undefined || form.role === '') {
        throw new SandboxSamlError('ValidationError', 'check-role-choice', 'Select a role before signing in');
      }
      // Matched as a whole string: a role path may itself contain a comma.
      const offered = [...validated.roles, ...validated.rejectedRoles].find((r) => `${r.roleArn},${r.principalArn}` === form.role);
      const [roleArn = '', principalArn = ''] = form.role.split(',');
      return signIn(c, validated, options, offered ?? { roleArn, principalArn }, form.relayState);
    } catch (error) {
      return refuse(c, error);
    }
  });

  return app;
}
