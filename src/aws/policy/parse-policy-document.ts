import { RolegateError } from '../../errors/rolegate-error.ts';
import { isKnownConditionOperator } from './evaluate-condition.ts';
import type { PolicyCondition, PolicyDocument, PolicyStatement, PrincipalType } from './policy-document.ts';

export interface ParsePolicyOptions {
  /** `trust`: every statement needs a Principal. `identity`: no statement may have one. */
  kind?: 'trust' | 'identity' | 'any';
}

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Principal', 'NotPrincipal', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Federated', 'Service', 'CanonicalUser'];

const malformed = (message: string) => new RolegateError('ERR_VALIDATION', message, { field: 'PolicyDocument' });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw malformed(`${where} must not be empty`);
  return list.map((item, i) => {
    if (typeof item !== 'string' || item === '') throw malformed(`${where}${Array.isArray(value) ? `[${i}]` : ''} must be a non-empty string`);
    return item;
  });
}

function parsePrincipal(value: unknown, where: string): '*' | Partial<Record<PrincipalType, string[]>> {
  if (value === '*') return '*';
  if (!isObject(value)) throw malformed(`${where} must be "*" or an object with AWS, Federated or Service`);
  const result: Partial<Record<PrincipalType, string[]>> = {};
  const keys = Object.keys(value);
  if (keys.length === 0) throw malformed(`${where} must name at least one principal`);
  for (const key of keys) {
    if (!PRINCIPAL_TYPES.includes(key as PrincipalType)) throw malformed(`${where} has unknown principal type "${key}"`);
    result[key as PrincipalType] = stringList(value[key], `${where}.${key}`);
  }
  return result;
}

function parseConditions(value: unknown, where: string): PolicyCondition[] {
  if (!isObject(value)) throw malformed(`${where} must be an object of condition operators`);
  const conditions: PolicyCondition[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isKnownConditionOperator(operator)) throw malformed(`${where} uses unknown condition operator "${operator}"`);
    if (!isObject(block)) throw malformed(`${where}.${operator} must be an object of condition keys`);
    for (const [key, raw] of Object.entries(block)) {
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.map((item, i) => {
        if (typeof item === 'string') return item;
        if (typeof item === 'boolean' || typeof item === 'number') return String(item);
        throw malformed(`${where}.${operator}.${key}${Array.isArray(raw) ? `[${i}]` : ''} must be a string, number or boolean`);
      });
      if (values.length === 0) throw malformed(`${where}.${operator}.${key} must not be empty`);
      conditions.push({ operator, key, values });
    }
  }
  return conditions;
}

function parseStatement(raw: unknown, index: number, kind: ParsePolicyOptions['kind']): PolicyStatement {
  const where = `Statement[${index}]`;
  if (!isObject(raw)) throw malformed(`${where} must be an object`);
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_KEYS.has(key)) throw malformed(`${where} has unknown element "${key}"`);
  }
  const sid = raw['Sid'];
  if (sid !== undefined && typeof sid !== 'string') throw malformed(`${where}.Sid must be a string`);
  const effect = raw['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') throw malformed(`${where}.Effect must be "Allow" or "Deny", found ${JSON.stringify(effect ?? null)}`);
  const hasAction = 'Action' in raw;
  if (hasAction === 'NotAction' in raw) throw malformed(`${where} must have exactly one of Action or NotAction`);
  if ('Resource' in raw && 'NotResource' in raw) throw malformed(`${where} must not have both Resource and NotResource`);
  // NotPrincipal inverts who is covered; rolegate does not evaluate it, and a policy it cannot
  // evaluate is refused rather than half-applied.
  if ('NotPrincipal' in raw) throw malformed(`${where}.NotPrincipal is not supported`);
  if (kind === 'trust' && !('Principal' in raw)) throw malformed(`${where} has no Principal; a trust policy statement needs one`);
  if (kind === 'identity' && 'Principal' in raw) throw malformed(`${where} has a Principal, which an identity policy must not have`);
  const statement: PolicyStatement = {
    label: sid && sid !== '' ? sid : where,
    effect,
    conditions: 'Condition' in raw ? parseConditions(raw['Condition'], `${where}.Condition`) : [],
  };
  if (hasAction) statement.actions = stringList(raw['Action'], `${where}.Action`);
  else statement.notActions = stringList(raw['NotAction'], `${where}.NotAction`);
  if ('Principal' in raw) statement.principal = parsePrincipal(raw['Principal'], `${where}.Principal`);
  if ('Resource' in raw) statement.resources = stringList(raw['Resource'], `${where}.Resource`);
  if ('NotResource' in raw) statement.notResources = stringList(raw['NotResource'], `${where}.NotResource`);
  return statement;
}

/**
 * Parses an IAM policy JSON document strictly. Throws RolegateError('ERR_VALIDATION') naming
 * the problem; the sandbox answers it as MalformedPolicyDocument.
 */
export function parsePolicyDocument(json: string, options: ParsePolicyOptions = {}): PolicyDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    throw new RolegateError('ERR_VALIDATION', `Policy document is not valid JSON: ${(cause as Error).message}`, { cause, field: 'PolicyDocument' });
  }
  if (!isObject(raw)) throw malformed('Policy document must be a JSON object');
  for (const key of Object.keys(raw)) {
    if (key !== 'Version' && key !== 'Statement' && key !== 'Id') throw malformed(`Policy document has unknown element "${key}"`);
  }
  const version = raw['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    throw malformed(`Version must be "2012-10-17" or "2008-10-17", found ${JSON.stringify(version)}`);
  }
  const statementRaw = raw['Statement'];
  if (statementRaw === undefined) throw malformed('Policy document has no Statement');
  const list = Array.isArray(statementRaw) ? statementRaw : [statementRaw];
  if (list.length === 0) throw malformed('Statement must not be empty');
  return { version, statements: list.map((statement, i) => parseStatement(statement, i, options.kind ?? 'any')) };
}
