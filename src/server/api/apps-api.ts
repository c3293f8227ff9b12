import { createAppInput, updateAppInput } from '../../core/apps/app-input.ts';
import { createApp, deleteApp, getApp, listApps, updateApp } from '../../core/apps/apps.ts';
import {
  createCertificate,
  createCertificateInput,
  deleteCertificate,
  getCertificate,
  listCertificates,
  setCertificateStatus,
  updateCertificateInput,
} from '../../core/apps/certificates.ts';
import type { ServerDeps } from '../server-env.ts';
import { PAGE_QUERY_DOC, pageRequest, type ApiRouter } from './api-router.ts';

export function registerAppsApi(api: ApiRouter, { ctx }: ServerDeps): void {
  api.add({
    method: 'get', path: '/apps', tag: 'apps', summary: 'List applications', query: PAGE_QUERY_DOC,
    response: { status: 200, schema: 'App', list: true },
    handler: async (c) => c.json(await listApps(ctx, pageRequest(c))),
  });
  api.add({
    method: 'post', path: '/apps', tag: 'apps',
    summary: 'Create an application from a template (aws or generic-saml); it gets a signing certificate and the msiam_access role',
    body: createAppInput,
    response: { status: 201, schema: 'App' },
    handler: async (c, body) => c.json(await createApp(ctx, body), 201),
  });
  api.add({
    method: 'get', path: '/apps/:id', tag: 'apps', summary: 'Get an application with its SAML settings',
    response: { status: 200, schema: 'App' },
    handler: async (c) => c.json(await getApp(ctx, c.req.param('id')!)),
  });
  api.add({
    method: 'patch', path: '/apps/:id', tag: 'apps', summary: 'Update SAML settings, claims, and flags', body: updateAppInput,
    response: { status: 200, schema: 'App' },
    handler: async (c, body) => c.json(await updateApp(ctx, c.req.param('id')!, body)),
  });
  api.add({
    method: 'delete', path: '/apps/:id', tag: 'apps', summary: 'Delete an application with its roles, assignments and certificates',
    response: { status: 204 },
    handler: async (c) => {
      await deleteApp(ctx, c.req.param('id')!);
      return c.body(null, 204);
    },
  });

  api.add({
    method: 'get', path: '/apps/:id/certificates', tag: 'certificates', summary: 'List signing certificates',
    response: { status: 200, schema: 'SigningCertificate', list: true },
    handler: async (c) => c.json({ items: await listCertificates(ctx, c.req.param('id')!) }),
  });
  api.add({
    method: 'post', path: '/apps/:id/certificates', tag: 'certificates',
    summary: 'Create a signing certificate (staged by default: published in metadata, not yet signing)',
    body: createCertificateInput,
    bodyOptional: true,
    response: { status: 201, schema: 'SigningCertificate' },
    handler: async (c, body) => c.json(await createCertificate(ctx, c.req.param('id')!, body), 201),
  });
  api.add({
    method: 'get', path: '/apps/:id/certificates/:certId', tag: 'certificates', summary: 'Get a signing certificate',
    response: { status: 200, schema: 'SigningCertificate' },
    handler: async (c) => c.json(await getCertificate(ctx, c.req.param('id')!, c.req.param('certId')!)),
  });
  api.add({
    method: 'get', path: '/apps/:id/certificates/:certId/pem', tag: 'certificates', summary: 'Download the certificate as PEM',
    response: { status: 200, mediaType: 'application/x-pem-file', description: 'the certificate as PEM text' },
    handler: async (c) => {
      const cert = await getCertificate(ctx, c.req.param('id')!, c.req.param('certId')!);
      return c.body(cert.certificatePem, 200, {
        'Content-Type': 'application/x-pem-file',
        'Content-Disposition': `attachment; filename="rolegate-${cert.id}.pem"`,
      });
    },
  });
  api.add({
    method: 'patch', path: '/apps/:id/certificates/:certId', tag: 'certificates',
    summary: 'Activate, stage or deactivate a certificate (activating demotes the previous active one to staged)',
    body: updateCertificateInput,
    response: { status: 200, schema: 'SigningCertificate' },
    handler: async (c, body) => c.json(await setCertificateStatus(ctx, c.req.param('id')!, c.req.param('certId')!, body)),
  });
  api.add({
    method: 'delete', path: '/apps/:id/certificates/:certId', tag: 'certificates', summary: 'Delete a certificate that is not active',
    response: { status: 204 },
    handler: async (c) => {
      await deleteCertificate(ctx, c.req.param('id')!, c.req.param('certId')!);
      return c.body(null, 204);
    },
  });
}
