// The rule catalog. Ids are fixed by the product contract (RULES.md); one file per rule, file name = id.
import type { Rule } from '../src/rule';

export const RULE_IDS = [
  'parse-error',
  'duplicate-key',
  'schema',
  'redirect-uri-absolute',
  'redirect-uri-no-fragment',
  'redirect-uri-https',
  'redirect-uri-wildcard',
  'default-redirect-uri-in-callbacks',
  'explicit-auth-flows-no-legacy-mix',
  'client-credentials-exclusive',
  'client-credentials-requires-secret',
  'oauth-requires-user-pool-client-flag',
  'oauth-config-complete',
  'context-data-requires-secret',
  'token-validity-range',
  'token-validity-order',
  'refresh-rotation-conflict',
  'scope-defined',
  'prevent-user-existence-errors',
  'token-revocation-enabled',
  'no-implicit-flow',
  'no-password-auth-flow',
  'no-legacy-auth-flow-names',
  'token-lifetime-policy',
  'no-writable-verification-attributes',
  'no-writable-privileged-attributes',
  'admin-scope-with-writable-attributes',
  'redirect-uri-placeholder',
  'no-localhost-redirect',
  'refresh-token-rotation',
  'analytics-pinpoint-deprecated',
  'duplicate-values',
  'unused-suppression',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const cache = new Map<string, Rule>();

/** Loads one rule module by id. */
export function loadRule(id: string): Rule {
  let rule = cache.get(id);
  if (!rule) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    rule = (require(`./${id}`) as { default: Rule }).default;
    if (rule.meta.id !== id) throw new Error(`rules/${id} declares id ${rule.meta.id}`);
    cache.set(id, rule);
  }
  return rule;
}

export function loadAllRules(): Rule[] {
  return RULE_IDS.map(loadRule);
}
