import type { App, AppTemplateId, Claim, NameIdFormat, SigningAlgorithm, SigningScope } from '../../core/model.ts';
import type { AppsTable } from '../database-schema.ts';

export function appFromRow(row: AppsTable): App {
  return {
    id: row.id,
    template: row.template as AppTemplateId,
    displayName: row.display_name,
    enabled: row.enabled === 1,
    visibleInMyApps: row.visible_in_my_apps === 1,
    idpEntityId: row.idp_entity_id,
    identifiers: JSON.parse(row.identifiers) as string[],
    replyUrls: JSON.parse(row.reply_urls) as string[],
    signOnUrl: row.sign_on_url,
    relayState: row.relay_state,
    nameIdFormat: row.name_id_format as NameIdFormat,
    nameIdSource: row.name_id_source,
    claims: JSON.parse(row.claims) as Claim[],
    sessionDuration: row.session_duration,
    signingScope: row.signing_scope as SigningScope,
    signingAlgorithm: row.signing_algorithm as SigningAlgorithm,
    authnRequestsSigned: row.authn_requests_signed === 1,
    spSigningCertificates: JSON.parse(row.sp_signing_certificates) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function appToRow(app: App): AppsTable {
  return {
    id: app.id,
    template: app.template,
    display_name: app.displayName,
    enabled: app.enabled ? 1 : 0,
    visible_in_my_apps: app.visibleInMyApps ? 1 : 0,
    idp_entity_id: app.idpEntityId,
    identifiers: JSON.stringify(app.identifiers),
    reply_urls: JSON.stringify(app.replyUrls),
    sign_on_url: app.signOnUrl,
    relay_state: app.relayState,
    name_id_format: app.nameIdFormat,
    name_id_source: app.nameIdSource,
    claims: JSON.stringify(app.claims),
    session_duration: app.sessionDuration,
    signing_scope: app.signingScope,
    signing_algorithm: app.signingAlgorithm,
    authn_requests_signed: app.authnRequestsSigned ? 1 : 0,
    sp_signing_certificates: JSON.stringify(app.spSigningCertificates),
    created_at: app.createdAt,
    updated_at: app.updatedAt,
  };
}
