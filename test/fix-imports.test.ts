// Data flows one way between linting and fixing: src/fix-run.ts calls lint() and then the fixer; the
// fixer (src/fix/) takes findings and files and never reaches lint, not even through a type-only import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT } from './golden';

const SRC = join(REPO_ROOT, 'src');

/** Every relative import of a source file (`import`, `import type`, `export ... from`), as .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
    const target = join(dirname(file), match[1]!);
    const candidates = [`${target}.ts`, join(target, 'index.ts')];
    const resolved = candidates.find((candidate) => existsSync(candidate));
    if (resolved) found.push(resolved);
  }
  return found;
}

/** The files `start` reaches through imports, with the chain that reaches each. */
function reachable(start: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of importsOf(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

const shown = (chain: readonly string[]): string => chain.map((file) => relative(REPO_ROOT, file)).join(' -> ');

test('the fixer never reaches lint() or the fix loop, type-only imports included', () => {
  for (const entry of ['index.ts', 'plan.ts', 'flows.ts', 'diff.ts']) {
    const chains = reachable(join(SRC, 'fix', entry));
    for (const forbidden of ['lint.ts', 'fix-run.ts', 'cli.ts']) {
      const chain = chains.get(join(SRC, forbidden));
      assert.equal(chain, undefined, chain && `src/fix/${entry} reaches src/${forbidden}: ${shown(chain)}`);
    }
  }
});

test('lint() does not reach the fix loop: lint -> fix/plan is the only direction', () => {
  const chain = reachable(join(SRC, 'lint.ts')).get(join(SRC, 'fix-run.ts'));
  assert.equal(chain, undefined, chain && shown(chain));
  assert.ok(reachable(join(SRC, 'fix-run.ts')).has(join(SRC, 'lint.ts')), 'the fix loop lints');
});
