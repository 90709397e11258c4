// Data flows one way between the top-level parts of src/ (a file `src/x.ts` or a folder `src/x/`): an
// import cycle between two parts means neither can be read, tested or replaced alone. Type-only imports
// count too, since they tie the parts' designs together just the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');
// `import … from '…'`, `import type …`, `export … from '…'`, `import('…')` and `require('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level part of src/ a path belongs to, or undefined outside src/. */
function partOf(file: string): string | undefined {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep)[0]!.replace(/\.ts$/, '');
}

/** Edges between parts, each with one import that makes it, for the failure message. */
export function partGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = partOf(file)!;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const to = partOf(path.resolve(path.dirname(file), match[1]!));
      if (to === undefined || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, `${path.relative(SRC, file)} imports '${match[1]}'`);
    }
  }
  return graph;
}

/** Strongly connected components with more than one part (Tarjan). */
export function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indexOf.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
      }
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return found;
}

test('no import cycle joins top-level parts of src/ (type-only imports included)', () => {
  const graph = partGraph(sourceFiles(SRC));
  const described = cycles(graph).map((component) => {
    const edges = component.flatMap((from) =>
      [...(graph.get(from) ?? new Map<string, string>())].filter(([to]) => component.includes(to)).map(([to, why]) => `    ${from} -> ${to}: ${why}`),
    );
    return `  ${component.join(', ')}\n${edges.join('\n')}`;
  });
  assert.deepEqual(described, [], `import cycles between parts of src/:\n${described.join('\n')}`);
});

test('the cycle finder finds a cycle through type-only imports and ignores imports inside one part', () => {
  const graph = new Map([
    ['lint', new Map([['fix', 'lint.ts imports type']])],
    ['fix', new Map([['lint', 'fix/index.ts imports']])],
    ['format', new Map([['finding', 'format/text.ts imports']])],
  ]);
  assert.deepEqual(cycles(graph), [['fix', 'lint']]);
  assert.deepEqual(cycles(new Map([['a', new Map([['b', '']])]])), []);
});
