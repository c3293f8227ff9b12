/** A parsed IAM policy (IAM User Guide, "IAM JSON policy element reference"). */
export interface PolicyDocument {
  version: '2012-10-17' | '2008-10-17' | undefined;
  statements: PolicyStatement[];
}

export type PrincipalType = 'AWS' | 'Federated' | 'Service' | 'CanonicalUser';

export interface PolicyStatement {
  /** Sid when present, else `Statement[i]`: used to say which statement decided. */
  label: string;
  effect: 'Allow' | 'Deny';
  /** Exactly one of actions / notActions is set. */
  actions?: string[];
  notActions?: string[];
  /** `'*'` or per type lists. Undefined when the statement has no Principal (identity policies). */
  principal?: '*' | Partial<Record<PrincipalType, string[]>>;
  resources?: string[];
  notResources?: string[];
  conditions: PolicyCondition[];
}

export interface PolicyCondition {
  /** As written, e.g. `ForAnyValue:StringLike` or `StringEqualsIfExists`. */
  operator: string;
  /** Condition key as written; compared case-insensitively. */
  key: string;
  values: string[];
}
