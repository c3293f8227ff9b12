import { validationError } from '../errors/aws-service-error.ts';
import { readMemberStructures } from './read-query-params.ts';

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** Anchored match; `patternText` is what the error message shows, as AWS prints it. */
  pattern?: RegExp;
  patternText?: string;
}

export interface IntegerRule {
  required?: boolean;
  min?: number;
  max?: number;
}

/**
 * Reads and checks request parameters, collecting every failure so the response lists them
 * all in AWS's shape: "2 validation errors detected: Value 'x' at 'roleName' failed to
 * satisfy constraint: …; …". Call `done()` before using any value.
 */
export class ParamReader {
  readonly #params: ReadonlyMap<string, string>;
  readonly #problems: string[] = [];

  constructor(params: ReadonlyMap<string, string>) {
    this.#params = params;
  }

  get raw(): ReadonlyMap<string, string> {
    return this.#params;
  }

  string(name: string, rule: StringRule & { required: true }): string;
  string(name: string, rule?: StringRule): string | undefined;
  string(name: string, rule: StringRule = {}): string | undefined {
    const value = this.#params.get(name);
    if (value === undefined) {
      if (rule.required) this.#fail(name, null, 'Member must not be null');
      return rule.required ? '' : undefined;
    }
    const length = [...value].length;
    if (rule.min !== undefined && length < rule.min) {
      this.#fail(name, value, `Member must have length greater than or equal to ${rule.min}`);
    } else if (rule.max !== undefined && length > rule.max) {
      this.#fail(name, value, `Member must have length less than or equal to ${rule.max}`);
    } else if (rule.pattern !== undefined && !rule.pattern.test(value)) {
      this.#fail(name, value, `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`);
    }
    return value;
  }

  integer(name: string, rule: IntegerRule = {}): number | undefined {
    const text = this.#params.get(name);
    if (text === undefined) {
      if (rule.required) this.#fail(name, null, 'Member must not be null');
      return undefined;
    }
    if (!/^-?\d{1,15}$/.test(text)) {
      this.#fail(name, text, 'Member must be an integer');
      return undefined;
    }
    const value = Number(text);
    if (rule.min !== undefined && value < rule.min) {
      this.#fail(name, text, `Member must have value greater than or equal to ${rule.min}`);
    } else if (rule.max !== undefined && value > rule.max) {
      this.#fail(name, text, `Member must have value less than or equal to ${rule.max}`);
    }
    return value;
  }

  /** IAM tags: at most 50, key 1–128 and value 0–256 of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`. */
  tags(name = 'Tags'): Array<{ Key: string; Value: string }> {
    const items = readMemberStructures(this.#params, name, ['Key', 'Value']) ?? [];
    if (items.length > 50) this.#fail(name, `${items.length} tags`, 'Member must have length less than or equal to 50');
    const tags: Array<{ Key: string; Value: string }> = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const at = `${name}.${index + 1}.member`;
      const key = item['Key'];
      const value = item['Value'] ?? '';
      if (key === undefined) return this.#fail(`${at}.key`, null, 'Member must not be null');
      if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(key)) {
        return this.#fail(`${at}.key`, key, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+');
      }
      if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u.test(value)) {
        return this.#fail(`${at}.value`, value, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*');
      }
      if (seen.has(key.toLowerCase())) {
        return this.#fail(name, key, 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
      }
      seen.add(key.toLowerCase());
      tags.push({ Key: key, Value: value });
    });
    return tags;
  }

  /** Throws `ValidationError` listing every problem found so far. */
  done(): void {
    if (this.#problems.length === 0) return;
    const n = this.#problems.length;
    throw validationError(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.#problems.join('; ')}`);
  }

  #fail(name: string, value: string | null, constraint: string): void {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    const shown = value === null ? 'null' : `'${value.length > 128 ? `${value.slice(0, 128)}...` : value}'`;
    this.#problems.push(`Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
  }
}
