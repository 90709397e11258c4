// The identity of a finding, shared by baselines and SARIF partialFingerprints: rule, repository-relative
// file, client, member and the offending value. Never a line number or a list index, so moving lines or
// reordering a list (a Terraform set, where order means nothing) keeps every fingerprint.
import type { Value } from './model';

export interface FingerprintParts {
  ruleId: string;
  /** Relative to the repository root, so the key does not depend on where the linter was started. */
  file: string;
  client: string;
  /** Property path as the rule reports it; list indexes are dropped. */
  path: string;
  /** The offending value, when the finding is about one. */
  value?: Value;
}

const SEPARATOR = '|';

export function fingerprintOf(parts: FingerprintParts): string {
  return [parts.ruleId, parts.file, parts.client, memberOf(parts.path), parts.value ? canonicalValue(parts.value) : ''].join(SEPARATOR);
}

/** A property path without list indexes: `CallbackURLs[2]` is `CallbackURLs[]`. */
export function memberOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** The file part of a fingerprint (rule ids never contain the separator). */
export function fingerprintFile(fingerprint: string): string {
  return fingerprint.split(SEPARATOR)[1] ?? '';
}

/** A value as text that ignores positions and the order of list items. */
function canonicalValue(value: Value): string {
  switch (value.kind) {
    case 'scalar':
      return JSON.stringify(value.value);
    case 'partial':
      return `${JSON.stringify(value.prefix)}…`;
    case 'unknown':
      return '?';
    case 'list':
      return `[${value.items.map(canonicalValue).sort().join(',')}]`;
    case 'object':
      return `{${[...value.members.values()].map((member) => `${JSON.stringify(member.name)}:${canonicalValue(member.value)}`).sort().join(',')}}`;
  }
}
