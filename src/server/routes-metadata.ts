import { Hono } from 'hono';
import { getApp } from '../core/apps/apps.ts';
import { buildIdpMetadata } from '../saml/build-idp-metadata.ts';
import { NAMEID_FORMATS } from '../saml/namespaces.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export function metadataRoutes(deps: ServerDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>();

  // Federation metadata for IAM CreateSAMLProvider: the active certificate and every staged
  // one, so an AWS account that loads it before a rollover already trusts the next key.
  app.get('/saml/:appId/metadata', async (c) => {
    const target = await getApp(deps.ctx, c.req.param('appId'));
    const certificates = await deps.ctx.store.certificates.listForApp(target.id);
    const published = certificates
      .filter((cert) => cert.status === 'active' || cert.status === 'staged')
      .sort((a, b) => (a.status === 'active' ? -1 : b.status === 'active' ? 1 : 0));
    const xml = buildIdpMetadata({
      entityId: target.idpEntityId,
      signingCertificatesPem: published.map((cert) => cert.certificatePem),
      ssoUrl: `${deps.ctx.publicUrl}/saml/${target.id}/sso`,
      nameIdFormats: [NAMEID_FORMATS[target.nameIdFormat]],
      wantAuthnRequestsSigned: target.authnRequestsSigned,
    });
    const download = c.req.query('download') !== undefined;
    return c.body(xml, 200, {
      'Content-Type': 'application/samlmetadata+xml; charset=utf-8',
      'Cache-Control': 'no-cache',
      ...(download ? { 'Content-Disposition': `attachment; filename="rolegate-${target.id}-metadata.xml"` } : {}),
    });
  });

  return app;
}
