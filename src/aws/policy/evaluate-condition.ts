import { matchWildcard } from './match-wildcard.ts';
import type { PolicyCondition } from './policy-document.ts';

export type ConditionContext = Readonly<Record<string, string | readonly string[]>>;

type Comparator = (policyValue: string, contextValue: string) => boolean;

// Operators rolegate evaluates. `negated` ones are true when nothing matches (IAM User Guide,
// "Condition operators": a negated operator with an absent key evaluates to true).
const EVALUATED: Readonly<Record<string, { compare: Comparator; negated: boolean }>> = {
  stringequals: { compare: (p, c) => p === c, negated: false },
  stringnotequals: { compare: (p, c) => p === c, negated: true },
  stringequalsignorecase: { compare: (p, c) => p.toLowerCase() === c.toLowerCase(), negated: false },
  stringnotequalsignorecase: { compare: (p, c) => p.toLowerCase() === c.toLowerCase(), negated: true },
  stringlike: { compare: (p, c) => matchWildcard(p, c, false), negated: false },
  stringnotlike: { compare: (p, c) => matchWildcard(p, c, false), negated: true },
  arnequals: { compare: (p, c) => matchWildcard(p, c, false), negated: false },
  arnlike: { compare: (p, c) => matchWildcard(p, c, false), negated: false },
  arnnotequals: { compare: (p, c) => matchWildcard(p, c, false), negated: true },
  arnnotlike: { compare: (p, c) => matchWildcard(p, c, false), negated: true },
  bool: { compare: (p, c) => p.toLowerCase() === c.toLowerCase(), negated: false },
};

// Valid IAM operators that rolegate does not evaluate. A policy using them parses, and the
// condition fails closed (see evaluatePolicies).
const RECOGNISED_ONLY = new Set([
  'numericequals', 'numericnotequals', 'numericlessthan', 'numericlessthanequals', 'numericgreaterthan', 'numericgreaterthanequals',
  'datequals', 'datenotequals', 'datelessthan', 'datelessthanequals', 'dategreaterthan', 'dategreaterthanequals',
  'binaryequals', 'ipaddress', 'notipaddress',
]);

interface ParsedOperator {
  base: string;
  set: 'any' | 'all' | undefined;
  ifExists: boolean;
}

function splitOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  let set: ParsedOperator['set'];
  const colon = rest.indexOf(':');
  if (colon !== -1) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'foranyvalue') set = 'any';
    else if (prefix === 'forallvalues') set = 'all';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let base = rest.toLowerCase();
  const ifExists = base.endsWith('ifexists');
  if (ifExists) base = base.slice(0, -'ifexists'.length);
  if (base === 'null' && (set || ifExists)) return undefined;
  return { base, set, ifExists };
}

export function isKnownConditionOperator(operator: string): boolean {
  const parsed = splitOperator(operator);
  return parsed !== undefined && (parsed.base in EVALUATED || parsed.base === 'null' || RECOGNISED_ONLY.has(parsed.base));
}

function lookup(context: ConditionContext, key: string): readonly string[] | undefined {
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    // Condition keys are case-insensitive (IAM User Guide, "Condition element").
    if (name.toLowerCase() === wanted) return typeof value === 'string' ? [value] : value;
  }
  return undefined;
}

/** true / false, or 'unsupported' when rolegate cannot decide (the caller fails closed). */
export function evaluateCondition(condition: PolicyCondition, context: ConditionContext): boolean | 'unsupported' {
  const operator = splitOperator(condition.operator);
  if (!operator) return 'unsupported';
  const present = lookup(context, condition.key);
  if (operator.base === 'null') {
    const wantsAbsent = condition.values.map((v) => v.toLowerCase());
    if (wantsAbsent.some((v) => v !== 'true' && v !== 'false')) return 'unsupported';
    return wantsAbsent.includes(present === undefined || present.length === 0 ? 'true' : 'false');
  }
  const rule = EVALUATED[operator.base];
  if (!rule) return 'unsupported';
  if (present === undefined) {
    if (operator.ifExists) return true;
    // ForAllValues over an empty set is vacuously true (IAM User Guide, "multivalued context keys").
    if (operator.set === 'all') return true;
    if (operator.set === 'any') return false;
    return rule.negated;
  }
  const matchesPolicy = (contextValue: string) => condition.values.some((policyValue) => rule.compare(policyValue, contextValue));
  if (operator.set === 'all') {
    return present.every((v) => (rule.negated ? !matchesPolicy(v) : matchesPolicy(v)));
  }
  if (operator.set === 'any') {
    return present.some((v) => (rule.negated ? !matchesPolicy(v) : matchesPolicy(v)));
  }
  const anyMatch = present.some(matchesPolicy);
  return rule.negated ? !anyMatch : anyMatch;
}
