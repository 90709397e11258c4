// JSON with positions, via jsonc-parser (the parser behind VS Code and Spectral), in strict mode:
// comments and trailing commas are errors, as they are for CloudFormation and the AWS CLI.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { findDuplicateKeys, type ParseResult, type SyntaxNode, type PairNode, type ScalarNode } from './syntax';

export function parseJson(text: string): ParseResult {
  const errors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    // jsonc-parser recurses per nesting level: absurd depth ends here, not in a crash.
    if (error instanceof RangeError) return { ok: false, message: 'JSON nested too deeply to process', start: 0, end: 1 };
    throw error;
  }
  const first = errors[0];
  if (first) {
    return { ok: false, message: describeJsonError(printParseErrorCode(first.error)), start: first.offset, end: first.offset + Math.max(first.length, 1) };
  }
  const root = tree ? convert(tree) : undefined;
  return { ok: true, root, duplicates: findDuplicateKeys(root) };
}

function describeJsonError(code: string): string {
  // jsonc-parser codes are PascalCase identifiers such as `CommaExpected`; spell them as words.
  return 'invalid JSON: ' + code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function convert(root: JsonNode): SyntaxNode {
  // Iterative conversion: nesting depth is input-controlled and must not overflow the stack.
  const rootOut = shell(root);
  const work: Array<[JsonNode, SyntaxNode]> = [[root, rootOut]];
  while (work.length > 0) {
    const [node, out] = work.pop()!;
    if (out.type === 'mapping') {
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key: ScalarNode = { type: 'scalar', value: String(keyNode.value), start: keyNode.offset, end: keyNode.offset + keyNode.length };
        const value = valueNode ? shell(valueNode) : ({ type: 'scalar', value: null, start: key.end, end: key.end } as ScalarNode);
        const pair: PairNode = { key, keyText: String(keyNode.value), value };
        out.pairs.push(pair);
        if (valueNode) work.push([valueNode, value]);
      }
    } else if (out.type === 'sequence') {
      for (const child of node.children ?? []) {
        const item = shell(child);
        out.items.push(item);
        work.push([child, item]);
      }
    }
  }
  return rootOut;
}

function shell(node: JsonNode): SyntaxNode {
  const span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object':
      return { type: 'mapping', pairs: [], ...span };
    case 'array':
      return { type: 'sequence', items: [], ...span };
    case 'string':
    case 'number':
    case 'boolean':
      return { type: 'scalar', value: node.value as string | number | boolean, ...span };
    default:
      return { type: 'scalar', value: null, ...span };
  }
}
