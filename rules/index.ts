// The rule catalog. Ids are fixed by the product contract (RULES.md); one file per rule, file name = id.
// The id list is derived from those file names at build time (scripts/generate-registrations.js writes
// dist/rules/ids.json), so adding a rule edits no list and a run never lists this directory.
import type { Rule } from '../src/rule';

/** Every rule id, sorted. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const RULE_IDS = require('./ids.json') as readonly string[];

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
