// Helpers shared by the loaders to build normalized values from syntax nodes.
import type { ListValue, Member, ObjectValue, SourceComment, Value } from '../model';
import type { SourceFile, Span } from '../source';
import type { CommentRange, SyntaxNode } from '../parse/syntax';
import { holeMapping, holeValue } from './template-holes';

export function spanOf(file: SourceFile, node: { start: number; end: number }): Span {
  return { file, start: node.start, end: node.end };
}

/** The comments a parser found, as the loaded file carries them. */
export function commentsIn(file: SourceFile, ranges: readonly CommentRange[]): SourceComment[] {
  return ranges.map((range) => ({ text: file.text.slice(range.start, range.end), span: spanOf(file, range) }));
}

/** Plain JSON/YAML data (an API request or response) as a normalized value: everything is known. */
export function plainValue(file: SourceFile, root: SyntaxNode): Value {
  // Iterative: nesting depth is input-controlled.
  const convertShallow = (node: SyntaxNode): Value => {
    const span = spanOf(file, node);
    if (node.unknownTag) return { kind: 'unknown', reason: `YAML tag ${node.unknownTag}`, span };
    if (node.type === 'mapping') return holeMapping(file, node, span) ?? { kind: 'object', members: new Map(), span };
    if (node.type === 'sequence') return { kind: 'list', items: [], span };
    return (typeof node.value === 'string' && holeValue(node.value, span)) || { kind: 'scalar', value: node.value, span };
  };
  const rootValue = convertShallow(root);
  const work: Array<[SyntaxNode, Value]> = [[root, rootValue]];
  while (work.length > 0) {
    const [node, value] = work.pop()!;
    if (node.type === 'mapping' && value.kind === 'object') {
      for (const pair of node.pairs) {
        const child = convertShallow(pair.value);
        value.members.set(pair.keyText, { name: pair.keyText, keySpan: spanOf(file, pair.key), value: child });
        work.push([pair.value, child]);
      }
    } else if (node.type === 'sequence' && value.kind === 'list') {
      for (const item of node.items) {
        const child = convertShallow(item);
        value.items.push(child);
        work.push([item, child]);
      }
    }
  }
  return rootValue;
}

export function emptyObject(span: Span): ObjectValue {
  return { kind: 'object', members: new Map<string, Member>(), span };
}

export function asObject(value: Value): ObjectValue | undefined {
  return value.kind === 'object' ? value : undefined;
}

export function asList(value: Value): ListValue | undefined {
  return value.kind === 'list' ? value : undefined;
}

/** A stable text for an expression, ignoring positions: `!Ref Pool` and `{"Ref": "Pool"}` give the same key. */
export function canonicalText(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  const plain = (n: SyntaxNode, depth: number): unknown => {
    if (depth > 64) return null;
    if (n.type === 'scalar') return n.value;
    if (n.type === 'sequence') return n.items.map((item) => plain(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const pair of n.pairs) Object.defineProperty(out, pair.keyText, { value: plain(pair.value, depth + 1), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return JSON.stringify(plain(node, 0));
}
