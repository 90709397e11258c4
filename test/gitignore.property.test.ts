// The directory walk against git itself: for random trees of files and random .gitignore files (names,
// wildcards, brackets, `**`, anchors, trailing slashes, negations, at the root and in subdirectories), a
// walk of the repository finds exactly the files `git ls-files --others --exclude-standard` lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { discover } from '../src/discover';

const git = spawnSync('git', ['--version']);
const hasGit = git.status === 0;

const NAMES = ['a', 'b', 'build', 'x.y', 'out'];
const FILE_NAMES = ['a.json', 'b.yaml', 'x.y.json', 'keep.yaml', 'build.json'];
const segment = fc.constantFrom(...NAMES, '*', 'b*', '?', '[ab]', '[!a]', '*.json', '*.yaml', 'keep.yaml', 'x.*', '**');
const pattern = fc
  .record({
    negated: fc.boolean(),
    leadingSlash: fc.boolean(),
    segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
    trailingSlash: fc.boolean(),
  })
  .map(({ negated, leadingSlash, segments, trailingSlash }) => `${negated ? '!' : ''}${leadingSlash ? '/' : ''}${segments.join('/')}${trailingSlash ? '/' : ''}`);
const directory = fc.array(fc.constantFrom(...NAMES), { minLength: 0, maxLength: 3 }).map((parts) => parts.join('/'));
const layout = fc.record({
  files: fc.uniqueArray(fc.tuple(directory, fc.constantFrom(...FILE_NAMES)).map(([dir, name]) => (dir ? `${dir}/${name}` : name)), { minLength: 1, maxLength: 12 }),
  gitignores: fc.array(fc.tuple(directory, fc.array(pattern, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 3 }),
});

test('a walk finds what git lists as neither tracked nor ignored', { skip: hasGit ? false : 'git is not installed' }, () => {
  const home = mkdtempSync(join(tmpdir(), 'cognito-lint-gitignore-home-'));
  // No global excludes file or user configuration may take part: HOME and XDG point at an empty folder.
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
  fc.assert(
    fc.property(layout, ({ files, gitignores }) => {
      const root = mkdtempSync(join(tmpdir(), 'cognito-lint-gitignore-'));
      try {
        // A path cannot be both a file and a directory: drop files whose path is another's directory.
        const written = files.filter((file) => !files.some((other) => other.startsWith(`${file}/`)) && !gitignores.some(([dir]) => dir === file || dir.startsWith(`${file}/`)));
        for (const file of written) {
          mkdirSync(join(root, file, '..'), { recursive: true });
          writeFileSync(join(root, file), '');
        }
        for (const [dir, lines] of gitignores) {
          mkdirSync(join(root, dir), { recursive: true });
          writeFileSync(join(root, dir, '.gitignore'), `${lines.join('\n')}\n`, { flag: 'a' });
        }
        assert.equal(spawnSync('git', ['init', '-q'], { cwd: root, env }).status, 0);
        const listed = spawnSync('git', ['ls-files', '-z', '--others', '--exclude-standard'], { cwd: root, env, encoding: 'utf8' });
        const expected = listed.stdout.split('\0').filter((file) => file !== '' && !file.endsWith('.gitignore')).sort();
        const previous = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
        process.env.HOME = home;
        process.env.XDG_CONFIG_HOME = home;
        let found: string[];
        try {
          found = discover(['.'], root, { errorOnUnmatchedPattern: false }).map((candidate) => candidate.displayPath).sort();
        } finally {
          for (const [key, value] of Object.entries(previous)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
          }
        }
        assert.deepEqual(found, expected, `files ${JSON.stringify(written)}, .gitignore ${JSON.stringify(gitignores)}`);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    { numRuns: 150 },
  );
});
