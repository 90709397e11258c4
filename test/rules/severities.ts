// The severity of each finding of one rule at its default setting, for rules whose findings are
// milder in some cases (Report.severity): the rule tables check places and messages only.
import { SourceFile } from '../../src/source';
import { loadFile, prepareParsers } from '../../src/load-file';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';

/** `[path, severity]` of every finding of `ruleId` on `text` read as `path`, with the rule at its default severity. */
export async function severities(ruleId: string, path: string, text: string): Promise<Array<[string, string]>> {
  await prepareParsers([path]);
  const rule = loadRule(ruleId);
  const severity = rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity;
  const settings = new Map([[ruleId, { severity, options: rule.meta.defaultOptions ?? {} }]]);
  return evaluate([loadFile(new SourceFile(path, text))], [rule], settings).map((finding) => [finding.path, finding.severity]);
}
