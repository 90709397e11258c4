// --list-rules: every rule with its severity, as a table (text) or for scripts (json).
import type { RuleSettings } from '../config';
import type { Rule } from '../rule';
import { compareText } from '../finding';
import { ruleDocUrl } from '../meta';
import { UsageError } from '../discover';
import type { FormatName } from './index';

export function listRules(rules: readonly Rule[], settings: RuleSettings, format: FormatName): string {
  const sorted = [...rules].sort((a, b) => compareText(a.meta.id, b.meta.id));
  const severityOf = (rule: Rule): string => settings.get(rule.meta.id)?.severity ?? 'off';
  if (format === 'json') {
    const list = sorted.map((rule) => ({
      id: rule.meta.id,
      severity: severityOf(rule),
      category: rule.meta.category,
      title: rule.meta.title,
      description: rule.meta.description,
      options: settings.get(rule.meta.id)?.options ?? {},
      docs: ruleDocUrl(rule.meta.id),
    }));
    return JSON.stringify(list, null, 2) + '\n';
  }
  if (format !== 'text') throw new UsageError(`--list-rules prints text or json, not ${format}`);
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  return sorted.map((rule) => `${rule.meta.id.padEnd(width)}  ${severityOf(rule).padEnd(7)}  ${rule.meta.description}`).join('\n') + '\n';
}
