// The one syntax tree both the YAML and the JSON parser produce: plain data plus offsets.
// CloudFormation short tags are already rewritten to their long `Fn::` form here.

export interface NodeBase {
  start: number;
  end: number;
  /** A YAML tag the parser could not resolve (e.g. `!stack_output`, `!!python/object`), kept so loaders can treat the value as unknown. */
  unknownTag?: string;
}

export interface ScalarNode extends NodeBase {
  type: 'scalar';
  value: string | number | boolean | null;
}

export interface PairNode {
  key: ScalarNode;
  /** Keys are compared as strings: YAML `1:` and JSON `"1":` are the same key. */
  keyText: string;
  value: SyntaxNode;
}

export interface MappingNode extends NodeBase {
  type: 'mapping';
  pairs: PairNode[];
}

export interface SequenceNode extends NodeBase {
  type: 'sequence';
  items: SyntaxNode[];
}

export type SyntaxNode = ScalarNode | MappingNode | SequenceNode;

export interface SyntaxDuplicate {
  key: string;
  first: { start: number; end: number };
  second: { start: number; end: number };
}

/**
 * A comment as the parser read it: the offsets of its whole text, marker included (`# x`, `// x`,
 * a block comment). Parsers keep only the comments that contain COMMENT_MARKER, the only ones read later
 * (suppression directives), so that files without one pay nothing.
 */
export interface CommentRange {
  start: number;
  end: number;
}

export const COMMENT_MARKER = 'cognito-lint';

export type ParseResult =
  | { ok: true; root: SyntaxNode | undefined; duplicates: SyntaxDuplicate[] }
  /** `nesting`: the text may be valid, but is nested deeper than the parser's stack reaches. */
  | { ok: false; message: string; start: number; end: number; nesting?: boolean };

/** Looks a key up in a mapping; with duplicates, the last one wins, as in JSON.parse and CloudFormation. */
export function getPair(node: SyntaxNode | undefined, key: string): PairNode | undefined {
  if (!node || node.type !== 'mapping') return undefined;
  for (let i = node.pairs.length - 1; i >= 0; i--) {
    const pair = node.pairs[i]!;
    if (pair.keyText === key) return pair;
  }
  return undefined;
}

export function getValue(node: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  return getPair(node, key)?.value;
}

export function scalarString(node: SyntaxNode | undefined): string | undefined {
  return node && node.type === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * Appends the repeated keys of one mapping to `out`, each repeat paired with the key's first occurrence.
 * Small mappings (the common case, and the parsers' hot path) are scanned directly; larger ones use a map.
 */
export function collectDuplicateKeys(pairs: readonly PairNode[], out: SyntaxDuplicate[]): void {
  const n = pairs.length;
  if (n > 16) {
    const seen = new Map<string, PairNode>();
    for (const pair of pairs) {
      const earlier = seen.get(pair.keyText);
      if (earlier) out.push({ key: pair.keyText, first: earlier.key, second: pair.key });
      else seen.set(pair.keyText, pair);
    }
    return;
  }
  for (let i = 1; i < n; i++) {
    const keyText = pairs[i]!.keyText;
    for (let j = 0; j < i; j++) {
      if (pairs[j]!.keyText === keyText) {
        out.push({ key: keyText, first: pairs[j]!.key, second: pairs[i]!.key });
        break;
      }
    }
  }
}

/** Finds mapping pairs whose key repeats, with both locations. Walks iteratively: nesting depth is input-controlled. */
export function findDuplicateKeys(root: SyntaxNode | undefined): SyntaxDuplicate[] {
  const duplicates: SyntaxDuplicate[] = [];
  const stack: SyntaxNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'mapping') {
      collectDuplicateKeys(node.pairs, duplicates);
      for (const pair of node.pairs) stack.push(pair.value);
    } else if (node.type === 'sequence') {
      for (const item of node.items) stack.push(item);
    }
  }
  return duplicates.sort((a, b) => a.second.start - b.second.start);
}
