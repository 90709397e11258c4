// The filter stage runs on each file as soon as it is evaluated (src/lint.ts), and the run keeps only
// findings: suppressions, unused-suppression results and the baseline must come out as when the whole
// run was filtered at once, over many files whose findings sit on the same lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintRun } from '../src/lint';
import { EffectiveConfig } from '../src/config';
import { buildBaseline, type BaselineFile } from '../src/baseline';
import { loadAllRules } from '../rules';
import { TEMPLATE, project } from './fixtures';

const rules = loadAllRules();
const FILES = 40;
const name = (index: number): string => `stacks/s${String(index).padStart(2, '0')}.yaml`;

/** The line above `PreventUserExistenceErrors: LEGACY` (line 6 of TEMPLATE) gets this comment, by file. */
function comment(index: number): string | undefined {
  switch (index % 4) {
    case 0:
      return '# cognito-lint-disable-next-line prevent-user-existence-errors -- legacy app';
    case 1:
      return '# cognito-lint-disable-next-line no-localhost-redirect -- matches nothing';
    case 2:
      return '# cognito-lint-disable-next-line prevent-user-existence-errors -- old; expires: 2020-01-01';
    default:
      return undefined;
  }
}

function tree(): string {
  const files: Record<string, string> = {};
  for (let index = 0; index < FILES; index++) {
    const text = comment(index);
    files[name(index)] = text === undefined ? TEMPLATE : TEMPLATE.replace('      PreventUserExistenceErrors', `      ${text}\n      PreventUserExistenceErrors`);
  }
  return project(files);
}

async function run(root: string, extra: { baseline?: BaselineFile; forBaseline?: boolean } = {}): Promise<LintRun> {
  const config = new EffectiveConfig(rules, { preset: 'recommended' }, root);
  return lint({ cwd: root, paths: ['.'], rules, config, today: '2026-12-01', ...extra });
}

const rows = (result: LintRun): string[] => result.findings.map((finding) => `${finding.file.path}:${finding.region.start.line} ${finding.ruleId}`);

test('suppressions and unused-suppression results, file by file over 40 files with findings on the same lines', async () => {
  const result = await run(tree());
  const expected: string[] = [];
  for (let index = 0; index < FILES; index++) {
    const file = name(index);
    if (comment(index) === undefined) {
      expected.push(`${file}:6 prevent-user-existence-errors`, `${file}:9 no-implicit-flow`);
      continue;
    }
    // Only the comment's own file is covered: the files without one keep the finding on the same line.
    // 1: a suppression of another rule (unused); 2: an expired one (reported, and the finding is back).
    if (index % 4 !== 0) expected.push(`${file}:6 unused-suppression`, `${file}:7 prevent-user-existence-errors`);
    expected.push(`${file}:10 no-implicit-flow`);
  }
  assert.deepEqual(rows(result), expected);
  assert.equal(result.suppressed, FILES / 4);
  const messages = result.findings.filter((finding) => finding.ruleId === 'unused-suppression').map((finding) => finding.message);
  assert.equal(messages.filter((message) => message.includes('matches no finding')).length, FILES / 4);
  assert.equal(messages.filter((message) => message.includes('expired on 2020-01-01')).length, FILES / 4);
});

test('the baseline over many files: accepted, returned, partly matched and stale entries', async () => {
  const root = tree();
  const written = buildBaseline((await run(root, { forBaseline: true })).findings, 'cognito-lint');
  // The baseline records what suppressions leave, without unused-suppression results.
  assert.equal(written.entries.length, FILES * 2 - FILES / 4);
  assert.ok(written.entries.every((entry) => entry.ruleId !== 'unused-suppression'));

  const inFirstTen = (file: string): boolean => Number(/s(\d+)\.yaml$/.exec(file)![1]) < 10;
  const gone = { ...written.entries[0]!, fingerprint: 'prevent-user-existence-errors|stacks/gone.yaml|WebClient|PreventUserExistenceErrors|"LEGACY"', file: 'stacks/gone.yaml', count: 1 };
  const kept = written.entries.filter((entry) => !inFirstTen(entry.file));
  const doubled = { ...kept[0]!, count: 2 };
  const baseline: BaselineFile = { ...written, entries: [doubled, ...kept.slice(1), gone] };
  const result = await run(root, { baseline });

  // The first ten files' findings are back; every other finding is accepted; unused-suppression results are not in the baseline.
  assert.ok(result.findings.every((finding) => inFirstTen(finding.file.path) || finding.ruleId === 'unused-suppression'));
  assert.equal(result.findings.filter((finding) => inFirstTen(finding.file.path) && finding.ruleId !== 'unused-suppression').length, written.entries.filter((entry) => inFirstTen(entry.file)).length);
  assert.equal(result.baselineAccepted, kept.length);
  // Stale: the entry of a file that is gone, and the one finding too many of the doubled entry.
  assert.deepEqual(
    result.staleBaseline.map((entry) => `${entry.count}x ${entry.fingerprint}`),
    [`1x ${doubled.fingerprint}`, `1x ${gone.fingerprint}`],
  );
});

test('findings keep the names of their files, not the files: texts are dropped once a file is filtered', async () => {
  const result = await run(tree());
  assert.ok(result.findings.length > FILES);
  for (const finding of result.findings) {
    assert.deepEqual(Object.keys(finding.file).sort(), ['path', 'repositoryPath']);
    for (const related of finding.related) assert.deepEqual(Object.keys(related.file).sort(), ['path', 'repositoryPath']);
  }
  // One message string shared by equal findings of different files.
  const [first, second] = result.findings.filter((finding) => finding.ruleId === 'no-implicit-flow');
  assert.equal(first!.message, second!.message);
});
