import type { CoreContext } from '../../core/core-context.ts';
import { isRolegateError } from '../../errors/rolegate-error.ts';
import type { ParsedAuthnRequest } from '../../saml/parse-authn-request.ts';

/** The query parameter, beside the carried request, that says when rolegate first received it. */
export const RECEIVED_AT_PARAMETER = 'rolegate_received';

type RequestRef = { appId: string; request: Pick<ParsedAuthnRequest, 'id' | 'issueInstant'> };

/**
 * ForceAuthn (saml-core §3.4.1): the IdP must authenticate the user anew rather than rely on
 * the SSO session. Without server-side state, "anew" is: authenticated at or after the
 * request's IssueInstant. An SP whose clock runs ahead of ours would make that unreachable
 * (every fresh sign-in would still be "before" the request), so the detour through sign-in
 * also carries when rolegate received the request, and a sign-in from then on counts too.
 */
export function isFreshEnough(authnInstant: Date, issueInstant: Date, receivedAt: Date | undefined): boolean {
  const since = receivedAt !== undefined && receivedAt < issueInstant ? receivedAt : issueInstant;
  return authnInstant.getTime() >= since.getTime();
}

// Sealed (authenticated encryption) and bound to the app and the request, so it can be neither
// backdated nor moved to another request: an older session must not pass for a fresh one.
function associatedData({ appId, request }: RequestRef): string {
  return `rolegate:authn-request-received:${appId}:${request.id}:${request.issueInstant.toISOString()}`;
}

export function sealReceivedAt(ctx: CoreContext, ref: RequestRef, receivedAt: Date): string {
  return ctx.secrets.seal(receivedAt.toISOString(), associatedData(ref));
}

/** The arrival time a note records, or undefined when there is none or it is not this request's. */
export function openReceivedAt(ctx: CoreContext, ref: RequestRef, note: string | undefined): Date | undefined {
  if (note === undefined || note.length > 256) return undefined;
  try {
    const receivedAt = new Date(ctx.secrets.open(note, associatedData(ref)));
    return Number.isNaN(receivedAt.getTime()) ? undefined : receivedAt;
  } catch (error) {
    // A note that does not open is ignored: the user is simply asked to sign in again.
    if (isRolegateError(error, 'ERR_CRYPTO')) return undefined;
    throw error;
  }
}
