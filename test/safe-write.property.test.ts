// Property: in a working directory holding any arrangement of folders and symbolic links (to a folder
// outside, to a file outside, dangling), a write to any path below it either lands exactly at that path,
// reached without a link, or is refused; nothing outside ever changes, and no temporary file stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import fc from 'fast-check';
import { UnsafeWriteError, writeFileSafely } from '../src/safe-write';

const NAMES = ['a', 'b', 'c'] as const;
type Kind = 'dir' | 'file' | 'link-dir' | 'link-file' | 'dangling' | 'absent';
const KINDS: readonly Kind[] = ['dir', 'file', 'link-dir', 'link-file', 'dangling', 'absent'];

/** Every entry below `dir`: path -> file content, or the link's target, or "dir". */
function tree(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const visit = (current: string, prefix: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      const stats = lstatSync(full);
      entries[`${prefix}${name}`] = stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'dir' : readFileSync(full, 'utf8');
      if (stats.isDirectory() && !stats.isSymbolicLink()) visit(full, `${prefix}${name}/`);
    }
  };
  visit(dir, '');
  return entries;
}

test('a write below the working directory lands where it was asked, unlinked, or is refused; outside never changes', () => {
  const layout = fc.record({ a: fc.constantFrom(...KINDS), 'a/b': fc.constantFrom(...KINDS), b: fc.constantFrom(...KINDS) });
  // Any path that stays below the working directory lexically (`a/../b` included); above it is the user's own.
  const target = fc.array(fc.constantFrom(...NAMES, '..', '.'), { minLength: 1, maxLength: 4 }).filter((segments) => posix.normalize(`repo/${segments.join('/')}`).startsWith('repo/'));
  fc.assert(
    fc.property(layout, target, (kinds, segments) => {
      const base = realpathSync(mkdtempSync(join(tmpdir(), 'cognito-lint-prop-')));
      const cwd = join(base, 'repo');
      const outside = join(base, 'outside');
      mkdirSync(join(outside, 'dir'), { recursive: true });
      writeFileSync(join(outside, 'file'), 'outside');
      mkdirSync(cwd);
      for (const [name, kind] of Object.entries(kinds)) {
        const full = join(cwd, name);
        if (!existsSync(join(full, '..')) || lstatSync(join(full, '..')).isSymbolicLink() || !lstatSync(join(full, '..')).isDirectory()) continue;
        if (kind === 'dir') mkdirSync(full);
        else if (kind === 'file') writeFileSync(full, 'inside');
        else if (kind === 'link-dir') symlinkSync(join(outside, 'dir'), full);
        else if (kind === 'link-file') symlinkSync(join(outside, 'file'), full);
        else if (kind === 'dangling') symlinkSync(join(outside, 'missing'), full);
      }
      const requested = `${cwd}/${segments.join('/')}`;
      const lexical = join(requested);
      const before = tree(outside);
      try {
        writeFileSafely({ absolutePath: requested, shown: segments.join('/') }, 'written', cwd);
        // Written: exactly at the normalized path, and that path is the real one (no link on the way).
        assert.equal(readFileSync(lexical, 'utf8'), 'written');
        assert.equal(realpathSync(lexical), lexical);
      } catch (error) {
        if (!(error instanceof UnsafeWriteError)) throw error;
      }
      assert.deepEqual(tree(outside), before, `outside changed for ${segments.join('/')} in ${JSON.stringify(kinds)}`);
      assert.ok(!Object.keys(tree(base)).some((name) => name.endsWith('.tmp')), 'no temporary file stays');
      rmSync(base, { recursive: true, force: true });
    }),
    { numRuns: 200 },
  );
});
