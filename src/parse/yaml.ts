// YAML with positions (YAML 1.1 schema, as CloudFormation and PyYAML read templates: `yes`/`True` are
// booleans). CloudFormation short tags become their long forms here, so every later stage sees
// `{"Fn::If": [...]}` whatever the input syntax. Most templates go through the fast path in ./yaml-fast;
// what it declines goes through the `yaml` package, loaded only then, whose result is the reference the
// fast path reproduces exactly (test/yaml-fast.test.ts compares the two).
import type { Document, Node as YamlNode } from 'yaml';
import { COMMENT_MARKER, findDuplicateKeys, type CommentRange, type ParseResult, type PairNode, type ScalarNode, type SyntaxNode } from './syntax';
import { ALIAS_LIMIT_MESSAGE, MAX_ALIAS_EXPANSION, SHORT_TAGS, parseYamlFastOrLimit } from './yaml-fast';

export interface YamlParseResult {
  ok: true;
  roots: SyntaxNode[];
  duplicates: ReturnType<typeof findDuplicateKeys>;
  /** The comments that contain COMMENT_MARKER (./syntax), in text order. */
  comments: CommentRange[];
}

/** A file that is not valid YAML still has the comments its lexer found (a directive may concern the error). */
export type YamlParseFailure = Extract<ParseResult, { ok: false }> & { comments: CommentRange[] };

export function parseYaml(text: string): YamlParseResult | YamlParseFailure {
  const fast = parseYamlFastOrLimit(text);
  // Known to go over the alias limit: the `yaml` path would only take longer to say so.
  if (fast === 'alias limit') return aliasLimitFailure(text);
  if (fast) return { ok: true, roots: fast.roots, duplicates: fast.duplicates, comments: fast.comments };
  return parseYamlWithPackage(text);
}

/** The reference path: the `yaml` package's composed Documents, converted. Exported for the differential tests. */
export function parseYamlWithPackage(text: string): YamlParseResult | YamlParseFailure {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq } = require('yaml') as typeof import('yaml');
  yamlApi ??= { isAlias, isMap, isPair, isScalar, isSeq };
  const comments = lexedComments(text);
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, merge: false, prettyErrors: false, strict: false}) as Document.Parsed[];
  } catch (error) {
    return { ok: false, message: `YAML could not be parsed: ${(error as Error).message}`, start: 0, end: 0, comments };
  }
  if (!Array.isArray(documents)) documents = [documents];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      const [start, end] = error.pos;
      // The package reports its own stack overflow as an error at the node where it happened.
      if (/Maximum call stack size exceeded/.test(error.message)) return { ok: false, message: 'YAML nested too deeply to process', start, end: Math.max(end, start + 1), comments, nesting: true };
      return { ok: false, message: 'invalid YAML: ' + firstLine(error.message), start, end: Math.max(end, start + 1), comments };
    }
  }
  try {
    const converter = new Converter(text);
    const roots: SyntaxNode[] = [];
    for (const doc of documents) {
      if (doc.contents) roots.push(converter.convert(doc.contents as YamlNode, doc));
    }
    const duplicates = roots.flatMap((root) => findDuplicateKeys(root));
    return { ok: true, roots, duplicates, comments };
  } catch (error) {
    if (error instanceof YamlLimitError || error instanceof RangeError) {
      if (error instanceof YamlLimitError) return limitFailure(error.message, comments);
      return { ok: false, message: 'YAML nested too deeply to process', start: 0, end: 1, comments, nesting: true };
    }
    throw error;
  }
}

function aliasLimitFailure(text: string): YamlParseFailure {
  return limitFailure(ALIAS_LIMIT_MESSAGE, lexedComments(text));
}

function limitFailure(limit: string, comments: CommentRange[]): YamlParseFailure {
  return { ok: false, message: `YAML not processed: ${limit}`, start: 0, end: 1, comments };
}

/**
 * The comment tokens of the `yaml` package's lexer, which its parser composes the documents from, that
 * contain the marker. A token starting with `#` is a comment unless it follows the SCALAR mark (then it
 * is a block scalar's body). The marks (DOCUMENT, FLOW_END, SCALAR) are not text: every other token is
 * the text it was read from, in order.
 */
function lexedComments(text: string): CommentRange[] {
  if (!text.includes(COMMENT_MARKER)) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Lexer, CST } = require('yaml') as typeof import('yaml');
  const comments: CommentRange[] = [];
  let offset = 0;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    if (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR) {
      previous = token;
      continue;
    }
    if (token[0] === '#' && previous !== CST.SCALAR && token.includes(COMMENT_MARKER)) comments.push({ start: offset, end: offset + token.length });
    offset += token.length;
    previous = token;
  }
  return comments;
}

function firstLine(message: string): string {
  // The yaml package appends " at line L, column C" and a source excerpt; our result carries the position.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

class YamlLimitError extends Error {}

/** How far before a value its CloudFormation short tag may be written (anchors, comments and line breaks may come between). */
const TAG_REACH = 4096;

/** The `yaml` package's node guards, set on first use of the reference path. */
let yamlApi: Pick<typeof import('yaml'), 'isAlias' | 'isMap' | 'isPair' | 'isScalar' | 'isSeq'> | undefined;

class Converter {
  private expanded = 0;
  /** Each alias of the document being converted and the node it names (see aliasTargets). */
  private targets = new Map<YamlNode, YamlNode | undefined>();
  private targetsOf: Document.Parsed | undefined;
  private readonly tagStarts = new Map<YamlNode, number>();
  /** The anchored nodes being expanded: an alias to one of them is a cycle. */
  private readonly expanding = new Set<YamlNode>();

  constructor(private readonly text: string) {}

  convert(node: YamlNode, doc: Document.Parsed, viaAlias = false): SyntaxNode {
    const { isAlias, isMap, isPair, isScalar, isSeq } = yamlApi!;
    if (isAlias(node)) {
      // Not node.resolve(doc): it walks the whole document for every alias, quadratic in the aliases.
      if (this.targetsOf !== doc) {
        this.targets = aliasTargets(doc);
        this.targetsOf = doc;
      }
      const target = this.targets.get(node);
      if (!target) return { type: 'scalar', value: null, start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 };
      if (this.expanding.has(target)) throw new YamlLimitError(`alias *${node.source} refers to a node that contains it`);
      this.expanding.add(target);
      const out = this.convert(target, doc, true);
      this.expanding.delete(target);
      return out;
    }
    if (viaAlias && ++this.expanded > MAX_ALIAS_EXPANSION) throw new YamlLimitError(ALIAS_LIMIT_MESSAGE);
    const [start, end] = node.range ?? [0, 0];
    let out: SyntaxNode;
    if (isMap(node)) {
      const pairs: PairNode[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const keyNode = item.key as YamlNode | null;
        const key = this.keyOf(keyNode, start);
        const value = item.value ? this.convert(item.value as YamlNode, doc, viaAlias) : emptyAfter(key);
        pairs.push({ key, keyText: String(key.value), value });
      }
      out = { type: 'mapping', pairs, start, end };
    } else if (isSeq(node)) {
      out = { type: 'sequence', items: node.items.map((item) => (item ? this.convert(item as YamlNode, doc, viaAlias) : { type: 'scalar', value: null, start, end: start } as ScalarNode)), start, end };
    } else if (isScalar(node)) {
      out = { type: 'scalar', value: this.scalarValue(node.value, start, end), start, end };
    } else {
      out = { type: 'scalar', value: null, start, end };
    }
    const tag = node.tag;
    if (!tag || tag.startsWith('tag:yaml.org,2002:')) {
      // Standard tags (!!str, !!int) were applied by the parser; the python/ruby ones are not standard.
      if (tag && /^tag:yaml\.org,2002:(python|ruby|js|java|perl|php)/.test(tag)) out.unknownTag = tag;
      return out;
    }
    const longForm = SHORT_TAGS[tag];
    if (!longForm) {
      out.unknownTag = tag;
      return out;
    }
    // The tag sits just before the value: widen the span to cover `!Tag value`.
    const exprStart = this.tagStart(node, tag, start);
    const key: ScalarNode = { type: 'scalar', value: longForm, start: exprStart, end: exprStart + tag.length };
    return { type: 'mapping', pairs: [{ key, keyText: longForm, value: out }], start: exprStart, end };
  }

  /**
   * Where `tag` is written before the node at `start`: its last occurrence less than TAG_REACH before, else
   * `start`. Searched in that window only (a tag that a %TAG directive spells differently is nowhere in
   * the text, and a search back to the start for each such node is quadratic), once per node however
   * many aliases repeat it.
   */
  private tagStart(node: YamlNode, tag: string, start: number): number {
    let found = this.tagStarts.get(node);
    if (found === undefined) {
      const from = Math.max(0, start - TAG_REACH + 1);
      const at = this.text.slice(from, start + tag.length).lastIndexOf(tag);
      found = at >= 0 ? from + at : start;
      this.tagStarts.set(node, found);
    }
    return found;
  }

  private keyOf(keyNode: YamlNode | null, fallback: number): ScalarNode {
    if (keyNode && yamlApi!.isScalar(keyNode)) {
      const [start, end] = keyNode.range ?? [fallback, fallback];
      const value = keyNode.value;
      return { type: 'scalar', value: value === null ? '' : this.scalarValue(value, start, end), start, end };
    }
    // Complex keys (`? [a, b]`) never name a Cognito member; keep their source text so nothing is lost.
    const [start, end] = keyNode?.range ?? [fallback, fallback];
    return { type: 'scalar', value: this.text.slice(start, end), start, end };
  }

  private scalarValue(value: unknown, start: number, end: number): string | number | boolean | null {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    // Timestamps and binary: keep what was written.
    return this.text.slice(start, end);
  }
}

/**
 * Every alias of `doc` with the node it names: the last node before it, in document order (keys before
 * values), that carries its anchor, as the `yaml` package's Alias.resolve finds it. One pass, iterative
 * (nesting depth is input-controlled).
 */
function aliasTargets(doc: Document.Parsed): Map<YamlNode, YamlNode | undefined> {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlApi!;
  const targets = new Map<YamlNode, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) targets.set(node, anchors.get(node.source));
    else if (isPair(node)) stack.push(node.value, node.key);
    else if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) anchors.set(node.anchor, node);
      if (!isScalar(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return targets;
}

function emptyAfter(key: ScalarNode): ScalarNode {
  return { type: 'scalar', value: null, start: key.end, end: key.end };
}
