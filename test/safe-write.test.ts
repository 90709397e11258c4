// Writes in a repository someone else controls (ENGINEERING.md, "a gate that a pull request cannot turn
// against its users"; docs/design/writes.md): the report, the baseline and --fix go to a temporary file
// renamed over the target, never through a symbolic link, and --fix only inside the linted tree and only
// over a file unchanged since it was read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TEMPLATE } from './fixtures';
import { gitRepository, lintBin } from './bin-helpers';
import { UnsafeWriteError, openPendingFile, writeFileSafely } from '../src/safe-write';
import { lintedRoots, writeFixedFiles } from '../src/fix-write';

const VICTIM = '#!/bin/sh\necho victim\n';

/** A repository `repo/` beside a folder `outside/` holding a file the repository's links point at. */
function repoBesideOutside(files: Record<string, string> = { 'stack.yaml': TEMPLATE }): { repo: string; outside: string } {
  const repo = gitRepository(files);
  const outside = mkdtempSync(join(tmpdir(), 'cognito-lint-outside-'));
  writeFileSync(join(outside, 'victim.sh'), VICTIM);
  return { repo, outside };
}

test('a new file is written whole with the usual permissions; an existing one keeps its mode; no temporary file stays', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cognito-lint-write-')));
  const target = join(dir, 'report.txt');
  writeFileSafely({ absolutePath: target, shown: 'report.txt' }, 'first\n', dir);
  assert.equal(readFileSync(target, 'utf8'), 'first\n');
  chmodSync(target, 0o640);
  writeFileSafely({ absolutePath: target, shown: 'report.txt' }, 'second\n', dir);
  assert.equal(readFileSync(target, 'utf8'), 'second\n');
  assert.equal(statSync(target).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir), ['report.txt']);
});

test('a file written in pieces appears only when committed; an aborted one leaves nothing', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cognito-lint-write-')));
  const target = join(dir, 'out.sarif');
  writeFileSync(target, 'old');
  const pending = openPendingFile({ absolutePath: target, shown: 'out.sarif' }, dir);
  pending.write('{"new": ');
  assert.equal(readFileSync(target, 'utf8'), 'old', 'the target is untouched while the report is written');
  pending.write('true}');
  pending.commit();
  assert.equal(readFileSync(target, 'utf8'), '{"new": true}');
  const aborted = openPendingFile({ absolutePath: join(dir, 'never.sarif'), shown: 'never.sarif' }, dir);
  aborted.write('half');
  aborted.abort();
  assert.deepEqual(readdirSync(dir), ['out.sarif']);
});

test('a symbolic link as the target, or as a directory below the working directory, is refused', () => {
  const { repo, outside } = repoBesideOutside();
  symlinkSync(join(outside, 'victim.sh'), join(repo, 'link.sarif'));
  symlinkSync(outside, join(repo, 'linked'));
  assert.throws(() => writeFileSafely({ absolutePath: join(repo, 'link.sarif'), shown: 'link.sarif' }, 'x', repo), (error: Error) => error instanceof UnsafeWriteError && /link\.sarif: it is a symbolic link/.test(error.message));
  assert.throws(() => writeFileSafely({ absolutePath: join(repo, 'linked', 'new.sarif'), shown: 'linked/new.sarif' }, 'x', repo), /linked is a symbolic link/);
  // `linked/..` is the repository lexically but the outside folder's parent to the kernel: written where checked.
  writeFileSafely({ absolutePath: `${repo}/linked/../dotdot.txt`, shown: 'linked/../dotdot.txt' }, 'x', repo);
  assert.equal(readFileSync(join(repo, 'dotdot.txt'), 'utf8'), 'x');
  // A dangling link is refused too: it would create the file it points at.
  symlinkSync(join(outside, 'created-by-write.sh'), join(repo, 'dangling.sarif'));
  assert.throws(() => writeFileSafely({ absolutePath: join(repo, 'dangling.sarif'), shown: 'dangling.sarif' }, 'x', repo), /symbolic link/);
  assert.equal(readFileSync(join(outside, 'victim.sh'), 'utf8'), VICTIM);
  assert.deepEqual(readdirSync(outside).sort(), ['victim.sh']);
  // Above the working directory the path is the user's own (a symlinked /tmp or home): trusted.
  const inside = join(repo, 'linked');
  writeFileSafely({ absolutePath: join(inside, 'ok.txt'), shown: 'ok.txt' }, 'ok', inside);
  assert.equal(readFileSync(join(outside, 'ok.txt'), 'utf8'), 'ok');
});

test('CLI: -o and --write-baseline refuse a symbolic link (exit 2, the reason, the outside file unchanged); - is standard output', () => {
  const { repo, outside } = repoBesideOutside();
  symlinkSync(join(outside, 'victim.sh'), join(repo, 'cognito-lint.sarif'));
  symlinkSync(join(outside, 'victim.sh'), join(repo, 'baseline.json'));
  symlinkSync(outside, join(repo, 'reports'));

  const sarif = lintBin(repo, ['.', '--format', 'sarif', '-o', 'cognito-lint.sarif']);
  assert.equal(sarif.code, 2);
  assert.match(sarif.stderr, /refusing to write cognito-lint\.sarif: it is a symbolic link/);
  const baseline = lintBin(repo, ['.', '--write-baseline', 'baseline.json']);
  assert.equal(baseline.code, 2);
  assert.match(baseline.stderr, /refusing to write baseline\.json: it is a symbolic link/);
  const throughDirectory = lintBin(repo, ['.', '-o', 'reports/out.txt']);
  assert.equal(throughDirectory.code, 2);
  assert.match(throughDirectory.stderr, /refusing to write reports\/out\.txt: reports is a symbolic link/);
  assert.equal(readFileSync(join(outside, 'victim.sh'), 'utf8'), VICTIM);
  assert.deepEqual(readdirSync(outside), ['victim.sh']);

  const toStdout = lintBin(repo, ['stack.yaml', '-f', 'json', '-o', '-']);
  assert.equal(toStdout.code, 1);
  assert.equal(toStdout.stdout, lintBin(repo, ['stack.yaml', '-f', 'json']).stdout);
  assert.ok(!existsSync(join(repo, '-')), 'no file named -');
  const baselineToStdout = lintBin(repo, ['stack.yaml', '--write-baseline', '-']);
  assert.equal(baselineToStdout.code, 0);
  assert.equal((JSON.parse(baselineToStdout.stdout) as { version: number }).version, 2);
  assert.match(baselineToStdout.stderr, /wrote \d+ findings to standard output/);
  assert.ok(!existsSync(join(repo, '-')));
});

test('CLI: a report file replaces the old one whole and keeps its mode', () => {
  const repo = gitRepository({ 'stack.yaml': TEMPLATE, 'report.txt': 'old report\n' });
  chmodSync(join(repo, 'report.txt'), 0o600);
  assert.equal(lintBin(repo, ['stack.yaml', '-o', 'report.txt']).code, 1);
  assert.match(readFileSync(join(repo, 'report.txt'), 'utf8'), /prevent-user-existence-errors/);
  assert.equal(statSync(join(repo, 'report.txt')).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(repo).sort(), ['.git', 'report.txt', 'stack.yaml']);
});

test('CLI: -o /dev/null (a character device) is written in place, not replaced; a FIFO or socket is still refused', () => {
  const repo = gitRepository({ 'stack.yaml': TEMPLATE });
  for (const args of [['stack.yaml', '-o', '/dev/null'], ['stack.yaml', '--write-baseline', '/dev/null']]) {
    const run = lintBin(repo, args);
    assert.equal(run.code, args.includes('-o') ? 1 : 0, `${args.join(' ')}: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /refusing|cannot write/);
  }
  assert.ok(statSync('/dev/null').isCharacterDevice(), '/dev/null is still the device');
  assert.deepEqual(readdirSync(repo).sort(), ['.git', 'stack.yaml'], 'no temporary file left');
  spawnSync('mkfifo', [join(repo, 'pipe')]);
  const fifo = lintBin(repo, ['stack.yaml', '-o', 'pipe']);
  assert.equal(fifo.code, 2);
  assert.match(fifo.stderr, /refusing to write pipe: it is not a regular file/);
});

test('CLI --fix: a linked file, a glob or a named directory through a linked directory are not edited; the own file is', () => {
  const { repo, outside } = repoBesideOutside({ 'own.yaml': TEMPLATE });
  mkdirSync(join(outside, 'dir'));
  writeFileSync(join(outside, 'x.yaml'), TEMPLATE);
  writeFileSync(join(outside, 'dir', 'y.yaml'), TEMPLATE);
  symlinkSync(join(outside, 'x.yaml'), join(repo, 'link.yaml'));
  symlinkSync(join(outside, 'dir'), join(repo, 'linked'));

  const named = lintBin(repo, ['link.yaml', 'own.yaml', '--fix', '--fix-type', 'all']);
  assert.equal(named.code, 2, named.stderr);
  assert.match(named.stderr, /refusing to write link\.yaml: it is a symbolic link/);
  assert.match(named.stderr, /--fix left 1 file unchanged and wrote 1/);
  assert.match(readFileSync(join(repo, 'own.yaml'), 'utf8'), /PreventUserExistenceErrors: ENABLED/);
  for (const args of [['linked/*.yaml', '--fix', '--fix-type', 'all'], ['linked', '--fix', '--fix-type', 'all']]) {
    const run = lintBin(repo, args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, /linked is a symbolic link|link\.yaml: it is a symbolic link/, args.join(' '));
  }
  // A walk does not follow links at all: nothing outside is even read.
  assert.equal(lintBin(repo, ['**/*.yaml', '--fix', '--fix-type', 'all']).code, 0);
  assert.equal(readFileSync(join(outside, 'x.yaml'), 'utf8'), TEMPLATE);
  assert.equal(readFileSync(join(outside, 'dir', 'y.yaml'), 'utf8'), TEMPLATE);
  // A directory outside the working directory, named by the user, is the user's choice.
  const elsewhere = gitRepository({ 'stack.yaml': TEMPLATE });
  assert.equal(lintBin(repo, [elsewhere, '--fix', '--fix-type', 'all', '--fail-on', 'none']).code, 0);
  assert.match(readFileSync(join(elsewhere, 'stack.yaml'), 'utf8'), /PreventUserExistenceErrors: ENABLED/);
});

test('--fix does not overwrite a file that changed since it was read, and says so', () => {
  const repo = realpathSync(gitRepository({ 'a.yaml': TEMPLATE, 'b.yaml': TEMPLATE, 'bom.yaml': `\ufeff${TEMPLATE}` }));
  const appended = `${TEMPLATE}# a line added while cognito-lint ran\n`;
  writeFileSync(join(repo, 'b.yaml'), appended);
  const fixed = (text: string) => text.replace('LEGACY', 'ENABLED');
  const files = ['a.yaml', 'b.yaml', 'bom.yaml'].map((name) => ({ path: name, absolutePath: join(repo, name), before: TEMPLATE, after: fixed(TEMPLATE) }));
  assert.throws(() => writeFixedFiles(files, { cwd: repo, paths: ['.'] }), (error: Error) => error instanceof UnsafeWriteError && /not fixing b\.yaml: it changed on disk/.test(error.message) && /left 1 file unchanged and wrote 2/.test(error.message));
  assert.equal(readFileSync(join(repo, 'a.yaml'), 'utf8'), fixed(TEMPLATE));
  assert.equal(readFileSync(join(repo, 'b.yaml'), 'utf8'), appended, 'the appended line is kept');
  assert.equal(readFileSync(join(repo, 'bom.yaml'), 'utf8'), `\ufeff${fixed(TEMPLATE)}`, 'a byte-order mark is kept');
  assert.deepEqual(readdirSync(repo).sort(), ['.git', 'a.yaml', 'b.yaml', 'bom.yaml'], 'no temporary file stays');
});

test('the linted roots: the working directory, and the folder of each path argument outside it', () => {
  assert.deepEqual(lintedRoots('/w', ['.', 'infra', 'cdk.out/*.json', '-']), ['/w']);
  assert.deepEqual(lintedRoots('/w', ['../other/stack.yaml', '/abs/dir/**/*.yaml', '/abs/dir']), ['/w', '/other', '/abs']);
});
