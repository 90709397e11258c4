// The rule catalog. Ids are fixed by the product contract (RULES.md); one file per rule, file name = id.
// The registry is derived from those file names at build time (scripts/generate-registrations.js writes
// dist/rules/registry.js, one static require per rule), so adding a rule edits no list, a run never
// lists this directory and loads only the rules it uses, and the bundle holds every rule.
import type { Rule } from '../src/rule';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const registry = require('./registry') as Readonly<Record<string, () => { default: Rule }>>;

/** Every rule id, sorted. */
export const RULE_IDS: readonly string[] = Object.keys(registry);

const cache = new Map<string, Rule>();

/** Loads one rule module by id. */
export function loadRule(id: string): Rule {
  let rule = cache.get(id);
  if (!rule) {
    const load = Object.hasOwn(registry, id) ? registry[id] : undefined;
    if (!load) throw new Error(`no rule ${id} in rules/`);
    rule = load().default;
    if (rule.meta.id !== id) throw new Error(`rules/${id} declares id ${rule.meta.id}`);
    cache.set(id, rule);
  }
  return rule;
}

export function loadAllRules(): Rule[] {
  return RULE_IDS.map(loadRule);
}
