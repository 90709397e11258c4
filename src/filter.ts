// Filter stage: drops what suppressions and the baseline accept, and reports suppressions that did
// nothing (unused, unknown rule or directive, expired) as `unused-suppression` results.
import type { LoadedFile } from './model';
import type { Finding } from './finding';
import { compareFindings } from './finding';
import type { Rule, Severity } from './rule';
import type { SourceFile } from './source';
import { makeFinding } from './evaluate';
import { DIRECTIVES, SuppressionIndex, findSuppressions, isValidDate, type Suppression } from './suppress';
import { applyBaseline, type BaselineEntry, type BaselineFile } from './baseline';
import { closestName } from './text';

export interface FilterOptions {
  rules: readonly Rule[];
  /** Severity of unused-suppression for a file (off: not reported). */
  unusedSeverity: (file: SourceFile) => Severity;
  /** False with --no-inline-suppressions: comments and Metadata entries are ignored. */
  inlineSuppressions: boolean;
  /** Today as YYYY-MM-DD, for `expires`. */
  today: string;
  baseline?: BaselineFile;
}

export interface FilterResult {
  findings: Finding[];
  suppressed: number;
  baselineAccepted: number;
  staleBaseline: BaselineEntry[];
}

/** What one file's suppressions leave of its findings, and what they report about themselves. */
export interface FileFiltered {
  /** The findings no suppression covers (or only expired ones), in their order. */
  kept: Finding[];
  /** `unused-suppression` results for this file's suppressions. */
  unused: Finding[];
  suppressed: number;
}

/**
 * Filters the findings of one loaded file as soon as it is evaluated, so that the file can be dropped.
 * A suppression covers only findings in its own file (Suppression.span.file, by identity), and those
 * come only from evaluating that file: filtering file by file is filtering the run.
 */
export function filterFile(loaded: LoadedFile, findings: readonly Finding[], options: FilterOptions): FileFiltered {
  const suppressions = findSuppressions(loaded, options.inlineSuppressions);
  if (suppressions.length === 0) return { kept: [...findings], unused: [], suppressed: 0 };
  const used = new Set<Suppression>();
  const kept: Finding[] = [];
  let suppressed = 0;
  const index = new SuppressionIndex(loaded.file, suppressions, (s) => isExpired(s, options.today));
  for (const finding of findings) {
    if (index.match(finding, used)) suppressed++;
    else kept.push(finding);
  }

  const unused: Finding[] = [];
  const ruleIds = options.rules.map((rule) => rule.meta.id);
  const knownRules = new Set(ruleIds);
  const unusedRule = options.rules.find((rule) => rule.meta.id === 'unused-suppression');
  const file = loaded.file;
  const severity = options.unusedSeverity(file);
  if (severity === 'off' || !unusedRule) return { kept, unused, suppressed };
  const report = (suppression: Suppression, messageId: string, data: Record<string, string>, path = `${suppression.kind}:${suppression.rules.join(',')}`): void => {
    unused.push(makeFinding(unusedRule, severity, file, suppression.client ?? '', { messageId, data, at: suppression.span, path }));
  };
  for (const suppression of suppressions) {
    if (suppression.directive !== undefined) {
      const suggestion = closestName(suppression.directive, Object.keys(DIRECTIVES));
      report(suppression, 'unknownDirective', { directive: suppression.directive, suggestion: suggestion ? ` (did you mean "${suggestion}"?)` : '' });
      continue;
    }
    const rules = suppression.rules.map((id) => `"${id}"`).join(', ');
    if (suppression.rules.length === 0) report(suppression, 'missingRule', {});
    // One result per distinct unknown id, whose path names that id only: a path listing every id of a
    // comment of thousands would make the report quadratic in the comment's length.
    for (const id of new Set(suppression.rules.filter((rule) => !knownRules.has(rule)))) {
      const suggestion = closestName(id, ruleIds);
      report(suppression, 'unknownRule', { rule: id, suggestion: suggestion ? ` (did you mean "${suggestion}"?)` : '' }, `${suppression.kind}:${id}`);
    }
    if (suppression.expires !== undefined && !isValidDate(suppression.expires)) report(suppression, 'badDate', { expires: suppression.expires });
    else if (isExpired(suppression, options.today)) report(suppression, 'expired', { rules, expires: suppression.expires! });
    else if (!used.has(suppression) && suppression.rules.some((id) => ruleIds.includes(id))) report(suppression, 'unused', { rules });
  }
  return { kept, unused, suppressed };
}

/**
 * The run's end of the filter stage: the baseline over every file's kept findings (sorted) followed by
 * the unused-suppression results (in file order), as one list, so that where a baseline entry's count
 * is smaller than its findings the same ones are accepted as when the run was filtered at once.
 */
export function finishFilter(kept: readonly Finding[], unused: readonly Finding[], suppressed: number, options: FilterOptions): FilterResult {
  let result: Finding[] = [...kept, ...unused];
  let baselineAccepted = 0;
  let staleBaseline: BaselineEntry[] = [];
  if (options.baseline) {
    const applied = applyBaseline(result, options.baseline);
    result = applied.findings;
    baselineAccepted = applied.accepted;
    staleBaseline = applied.stale;
  }
  return { findings: result.sort(compareFindings), suppressed, baselineAccepted, staleBaseline };
}

function isExpired(suppression: Suppression, today: string): boolean {
  return suppression.expires !== undefined && isValidDate(suppression.expires) && suppression.expires < today;
}
