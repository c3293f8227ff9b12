import { getApp } from '../../core/apps/apps.ts';
import { findUserByPrincipalName } from '../../core/directory/users.ts';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { buildPostBindingFields } from '../../saml/post-binding.ts';
import type { ServerDeps } from '../server-env.ts';
import { issueSamlResponse } from '../sso/issue-saml-response.ts';
import type { ApiRouter } from './api-router.ts';

export function registerPreviewApi(api: ApiRouter, deps: ServerDeps): void {
  api.add({
    method: 'get', path: '/apps/:id/saml/preview', tag: 'saml',
    summary: "The signed SAML response a user would receive for this app's first reply URL, without sending it",
    query: { user: { description: 'userPrincipalName of the user', required: true } },
    response: { status: 200, schema: 'SamlPreview' },
    handler: async (c) => {
      const upn = c.req.query('user');
      if (!upn) throw new RolegateError('ERR_VALIDATION', 'user: the query parameter is required (a userPrincipalName)', { field: 'user' });
      const app = await getApp(deps.ctx, c.req.param('id')!);
      const user = await findUserByPrincipalName(deps.ctx, upn);
      const acsUrl = app.replyUrls[0];
      if (!acsUrl) throw new RolegateError('ERR_CONFLICT', `app '${app.id}' has no reply URL configured`);
      const now = deps.ctx.now();
      const issued = await issueSamlResponse(deps.ctx, deps.keys, {
        app,
        user,
        acsUrl,
        sessionIndex: `_preview-${now.getTime()}`,
        authnInstant: now,
      });
      // The preview is a valid, signed assertion for that user: record who asked for it.
      c.get('logger').warn({ appId: app.id, userId: user.id }, 'SAML preview issued through the admin API');
      return c.json({
        acsUrl,
        relayState: app.relayState,
        audience: issued.audience,
        nameId: issued.content.nameId,
        attributes: issued.content.attributes,
        samlResponse: buildPostBindingFields(issued.xml).SAMLResponse,
        xml: issued.xml,
      });
    },
  });
}
