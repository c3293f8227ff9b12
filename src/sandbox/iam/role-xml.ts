import type { XmlObject } from '../protocol/write-query-xml.ts';
import { encodeRfc3986 } from '../sigv4/encode-rfc3986.ts';
import type { RoleRecord } from '../state/state-types.ts';

/**
 * The `Role` structure. IAM returns policy documents URL-encoded (RFC 3986), exactly as
 * stored, so clients decode them with `decodeURIComponent`.
 */
export function roleXml(role: RoleRecord, detail: 'full' | 'list'): XmlObject {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: encodeRfc3986(role.trustPolicyJson),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    // ListRoles omits tags and last-use, as IAM does.
    Tags: detail === 'full' && role.tags.length > 0 ? role.tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined,
    RoleLastUsed: detail === 'full' ? {} : undefined,
  };
}
