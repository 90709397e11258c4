// Fast path for the YAML that templates are written in: block mappings and sequences, plain, quoted and
// block scalars, flow collections, comments, CloudFormation short tags, and anchors and aliases on one
// line. It builds our syntax tree in one pass over the text (docs/PERFORMANCE.md: about 15 times faster
// than composing `yaml` Documents on a cold JIT, 40 times warm), and it either produces exactly what the
// `yaml` package path in ./yaml.ts produces (values, YAML 1.1 scalar types, spans, tag handling, key
// order, an alias as a copy of its anchored node) or declines: anything outside its subset (an anchor
// before a block collection, merge keys, explicit keys, multi-line quoted scalars, tabs, CR line breaks,
// directives, several documents, whatever would be a YAML error) returns undefined and the caller uses
// the `yaml` package. Spans follow the `yaml` package's ranges, including where trailing comment lines
// end a collection (see scanGap).
import { COMMENT_MARKER, collectDuplicateKeys, type CommentRange, type MappingNode, type PairNode, type ScalarNode, type SequenceNode, type SyntaxDuplicate, type SyntaxNode } from './syntax';

/** Short tag -> long form key. `!Ref` and `!Condition` have no `Fn::` prefix. */
export const SHORT_TAGS: Record<string, string> = Object.fromEntries(
  ['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'If', 'Equals', 'Not', 'And', 'Or', 'ToJsonString', 'Length', 'ForEach']
    .map((name) => ['!' + name, 'Fn::' + name])
    .concat([['!Ref', 'Ref'], ['!Condition', 'Condition']]),
);


/** Marks an anchor whose node is being parsed. */
const IN_PROGRESS = Symbol('anchor being parsed');

/** Thrown (never an Error: no stack to capture) when the text leaves the supported subset. */
class Declined {}
const DECLINED = new Declined();
function decline(): never {
  throw DECLINED;
}

const MAX_DEPTH = 500;
/** Nodes that alias expansion may add before the file is rejected: defeats "billion laughs" documents. */
export const MAX_ALIAS_EXPANSION = 100_000;
const MAX_COPY_DEPTH = 1000;
const MAX_KEY_LENGTH = 1000;

const NL = 10;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOT = 46;
const BANG = 33;
const SQUOTE = 39;
const DQUOTE = 34;
const PIPE = 124;
const GT = 62;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const COMMA = 44;
const AMPERSAND = 38;
const STAR = 42;
const MARKER_START = COMMENT_MARKER.charCodeAt(0);

/** The parse of a whole file: one root per document (this path handles exactly one), and the repeated keys. */
export interface FastYamlResult {
  roots: SyntaxNode[];
  /** As findDuplicateKeys (./syntax) reports them for the roots: sorted by the second key's position. */
  duplicates: SyntaxDuplicate[];
  /** The comments that contain COMMENT_MARKER, in text order: the same the `yaml` package's lexer finds. */
  comments: CommentRange[];
}

/** What the `yaml` path says of a document whose aliases expand past MAX_ALIAS_EXPANSION. */
export const ALIAS_LIMIT_MESSAGE = `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes`;

/** The fast path's parse of `text`, or undefined when it declines (see parseYamlFastOrLimit). */
export function parseYamlFast(text: string): FastYamlResult | undefined {
  const result = parseYamlFastOrLimit(text);
  return result === 'alias limit' ? undefined : result;
}

/** The fast path's answers: a parse, a document known to go over the alias limit (ALIAS_LIMIT_MESSAGE), or undefined (declined). */
export function parseYamlFastOrLimit(text: string): FastYamlResult | 'alias limit' | undefined {
  // Tabs and CR line breaks are left to the full parser; so is a byte-order mark (read.ts removes it).
  // Other control characters, U+0085, U+2028 and U+2029 are ordinary characters to the `yaml` package.
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const parser = new FastYaml(text);
    const root = parser.document();
    if (parser.overflowed) return 'alias limit';
    if (!parser.withinAliasLimit) return undefined;
    return { roots: [root], duplicates: parser.duplicates.sort((a, b) => a.second.start - b.second.start), comments: inTextOrder(parser.comments) };
  } catch (error) {
    if (error === DECLINED || error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * The parser. To keep allocation low, secondary results travel in fields rather than small objects:
 * every value parse sets `end2` (the end of the value's `yaml` range, range[2], which decides where a
 * parent collection ends); scans set `stop`/`stopAt`; quoted scalars set `quoteEnd`; keys set `keyAfter`.
 */
class FastYaml {
  readonly duplicates: SyntaxDuplicate[] = [];
  readonly comments: CommentRange[] = [];
  /** Anchored nodes by name, as far as the text is read; IN_PROGRESS while the anchored node is parsed. */
  private readonly anchors = new Map<string, SyntaxNode | typeof IN_PROGRESS>();
  /**
   * Nodes that aliases have produced: all of them, and those the `yaml` path's converter surely counts
   * too (it does not count the mapping a short tag becomes, and may not count an empty value). Between
   * the two, whether that path goes over MAX_ALIAS_EXPANSION is not known here, and the fast path declines.
   */
  private expanded = 0;
  private expandedSurely = 0;
  /** Aliases went over MAX_ALIAS_EXPANSION: the rest of the text is still read (it must be valid), copying nothing. */
  overflowed = false;
  /** The mappings that short tags became (see tagged). */
  private readonly tagWrappers = new WeakSet<SyntaxNode>();
  private readonly len: number;
  private depth = 0;
  private end2 = 0;
  private stop = 0;
  private stopAt = 0;
  private quoteEnd = 0;
  private keyAfter = 0;
  private contentColumn = 0;
  /** Whether the last gap scanned held a comment line. */
  private gapHadComment = false;
  /**
   * Facts about the lines after the last value parsed (the "gap", set by scanGap): where the next content
   * token starts (len at end of input), the indentation of its line (-1 at end of input), and the highest
   * indentation of the comment lines the `yaml` parser keeps as a trailing item (-1 when none or consumed).
   */
  private gapEnd = 0;
  private nextIndent = -1;
  private trailingCommentIndent = -1;

  constructor(private readonly text: string) {
    this.len = text.length;
  }

  document(): SyntaxNode {
    let content = this.skipBlankAndComments(0);
    if (content < 0) decline();
    if (this.indentAt(content) === 0 && this.isDocumentMarker(content)) {
      if (this.text.charCodeAt(content) !== DASH) decline();
      content = this.skipBlankAndComments(this.restOfLine(content + 3));
      if (content < 0) decline();
    }
    if (this.indentAt(content) !== 0) decline();
    let root: SyntaxNode;
    if (this.isSequenceEntry(content)) root = this.blockSequence(content, 0);
    else {
      const key = this.implicitKey(content);
      if (!key) return decline();
      root = this.blockMapping(content, 0, key);
    }
    if (this.nextIndent !== -1) decline();
    return root;
  }

  // ---- Lines ----------------------------------------------------------------------------------------

  /** Column of offset `p` (the text has no tabs or CRs). */
  private indentAt(p: number): number {
    return p - (this.text.lastIndexOf('\n', p - 1) + 1);
  }

  private isDocumentMarker(p: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c !== DASH && c !== DOT) return false;
    if (this.text.charCodeAt(p + 1) !== c || this.text.charCodeAt(p + 2) !== c) return false;
    return this.isBlankOrEnd(p + 3);
  }

  /** Space, line break or end of input. */
  private isBlankOrEnd(p: number): boolean {
    if (p >= this.len) return true;
    const c = this.text.charCodeAt(p);
    return c === SPACE || c === NL;
  }

  /**
   * From a line start: the first content character of the first line that is not blank or a comment, or
   * -1; sets `contentColumn` to its column.
   */
  private skipBlankAndComments(p: number): number {
    const text = this.text;
    while (p < this.len) {
      let q = p;
      while (text.charCodeAt(q) === SPACE) q++;
      if (q >= this.len) return -1;
      const c = text.charCodeAt(q);
      if (c !== NL && c !== HASH) {
        this.contentColumn = q - p;
        return q;
      }
      const nl = text.indexOf('\n', q);
      this.comment(q, nl);
      if (nl < 0) return -1;
      p = nl + 1;
    }
    return -1;
  }

  /**
   * Records the comment at `hash` that ends at line break `nl` (-1: the end of input) when it contains the
   * marker. A comment line may be scanned twice (looked past, then scanned as a gap): inTextOrder dedupes.
   */
  private comment(hash: number, nl: number): void {
    // Searched within the comment only: a search of the whole text would cost every file a few percent.
    const text = this.text;
    const end = nl < 0 ? this.len : nl;
    const last = end - COMMENT_MARKER.length;
    for (let i = hash + 1; i <= last; i++) {
      if (text.charCodeAt(i) === MARKER_START && text.startsWith(COMMENT_MARKER, i)) {
        this.comments.push({ start: hash, end });
        return;
      }
    }
  }

  /** After a token: spaces, an optional comment (after at least one space), then the line break. Returns the next line start. */
  private restOfLine(p: number): number {
    const text = this.text;
    while (text.charCodeAt(p) === SPACE) p++;
    if (p >= this.len) return this.len;
    const c = text.charCodeAt(p);
    if (c === NL) return p + 1;
    if (c === HASH && text.charCodeAt(p - 1) === SPACE) {
      const nl = text.indexOf('\n', p);
      this.comment(p, nl);
      return nl < 0 ? this.len : nl + 1;
    }
    return decline();
  }

  /**
   * Scans the blank and comment lines from line start `p` to the next content line, recording it in the
   * gap fields. Comment lines indented more than `mergeIndent` that directly follow a flow value (only
   * blank lines between) belong to that value in the `yaml` parser: the returned offset is the end of the
   * last of them (or `p`). Later comment lines form a trailing item, kept by the innermost collection
   * that ends here and is indented no deeper than one of them (see closeCollection).
   */
  private scanGap(p: number, mergeIndent: number): number {
    const text = this.text;
    let merged = p;
    let merging = mergeIndent >= 0;
    let trailing = -1;
    this.gapHadComment = false;
    while (true) {
      let q = p;
      while (text.charCodeAt(q) === SPACE) q++;
      if (q >= this.len) {
        this.gapEnd = this.len;
        this.nextIndent = -1;
        break;
      }
      const c = text.charCodeAt(q);
      if (c === NL) {
        p = q + 1;
        continue;
      }
      if (c === HASH) {
        this.gapHadComment = true;
        const nl = text.indexOf('\n', q);
        this.comment(q, nl);
        const next = nl < 0 ? this.len : nl + 1;
        const indent = q - p;
        if (merging && indent > mergeIndent) merged = next;
        else {
          merging = false;
          if (indent > trailing) trailing = indent;
        }
        if (nl < 0) {
          this.gapEnd = this.len;
          this.nextIndent = -1;
          break;
        }
        p = next;
        continue;
      }
      if (q === p && this.isDocumentMarker(q)) decline();
      this.gapEnd = q;
      this.nextIndent = q - p;
      break;
    }
    this.trailingCommentIndent = trailing;
    return merged;
  }

  /**
   * The end of a collection of indentation `indent` whose last value ends at `end1` (the collection's
   * range[1]): its range[2] is the gap's end when it keeps the trailing comment item, else `end1`.
   */
  private closeCollection(indent: number, end1: number): number {
    if (this.trailingCommentIndent >= indent && indent !== 0) {
      this.trailingCommentIndent = -1;
      return this.gapEnd;
    }
    return end1;
  }

  // ---- Block collections ------------------------------------------------------------------------------

  private isSequenceEntry(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && this.isBlankOrEnd(p + 1);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) decline();
  }

  /** A block mapping whose first key (already parsed, `keyAfter` set) starts at `start`, column `indent`. */
  private blockMapping(start: number, indent: number, firstKey: ScalarNode): MappingNode {
    this.enter();
    const pairs: PairNode[] = [];
    let key: ScalarNode | undefined = firstKey;
    while (true) {
      const value = this.mappingValue(this.keyAfter, indent);
      pairs.push({ key, keyText: String(key.value), value });
      if (this.nextIndent !== indent) break;
      const next = this.gapEnd;
      if (this.isSequenceEntry(next)) decline();
      key = this.implicitKey(next);
      if (!key) decline();
    }
    if (this.nextIndent > indent) decline();
    this.depth--;
    const end = this.end2;
    if (pairs.length > 1) collectDuplicateKeys(pairs, this.duplicates);
    this.end2 = this.closeCollection(indent, end);
    return { type: 'mapping', pairs, start, end };
  }

  /** A block sequence whose first `-` is at `start`, column `indent`. */
  private blockSequence(start: number, indent: number): SequenceNode {
    this.enter();
    const items: SyntaxNode[] = [];
    let p = start;
    while (true) {
      items.push(this.sequenceItem(p, indent));
      if (this.nextIndent !== indent || !this.isSequenceEntry(this.gapEnd)) break;
      p = this.gapEnd;
    }
    if (this.nextIndent > indent) decline();
    this.depth--;
    const end = this.end2;
    this.end2 = this.closeCollection(indent, end);
    return { type: 'sequence', items, start, end };
  }

  /** The item after the `-` at `dash` of a sequence at column `indent`. */
  private sequenceItem(dash: number, indent: number): SyntaxNode {
    let p = dash + 1;
    while (this.text.charCodeAt(p) === SPACE) p++;
    const c = p < this.len ? this.text.charCodeAt(p) : NL;
    if (c === NL || c === HASH) {
      const lineEnd = this.restOfLine(p);
      const content = this.skipBlankAndComments(lineEnd);
      if (content < 0 || this.contentColumn <= indent) decline(); // an empty item
      return this.nodeOnOwnLine(content, this.contentColumn, indent, undefined, lineEnd);
    }
    if (c === DASH && this.isBlankOrEnd(p + 1)) return this.blockSequence(p, p - dash + indent); // `- - x`
    const key = this.implicitKey(p);
    if (key) return this.blockMapping(p, p - dash + indent, key);
    return this.inlineValue(p, indent, false);
  }

  /** The value after `key:` in a mapping at column `indent`; `p` is just after the colon. */
  private mappingValue(p: number, indent: number): SyntaxNode {
    while (this.text.charCodeAt(p) === SPACE) p++;
    const c = p < this.len ? this.text.charCodeAt(p) : NL;
    if (c !== NL && c !== HASH) return this.inlineValue(p, indent, true);
    // Nothing else on the line: the value is on the next lines, or empty.
    const hasComment = c === HASH;
    const lineEnd = this.restOfLine(p);
    const content = this.skipBlankAndComments(lineEnd);
    if (content >= 0) {
      const contentIndent = this.contentColumn;
      if (contentIndent > indent) return this.nodeOnOwnLine(content, contentIndent, indent, undefined, lineEnd);
      if (contentIndent === indent && this.isSequenceEntry(content)) return this.blockSequence(content, indent);
    }
    // Empty value: `yaml` places it after the colon and the spaces that follow. A comment after an empty
    // value changes where the `yaml` package ends it: leave that to the full parser.
    this.scanGap(lineEnd, -1);
    if (hasComment || this.trailingCommentIndent >= 0 || this.sawCommentBetween(lineEnd, this.gapEnd)) decline();
    this.end2 = p;
    return { type: 'scalar', value: null, start: p, end: p };
  }

  private sawCommentBetween(from: number, to: number): boolean {
    const i = this.text.indexOf('#', from);
    return i >= 0 && i < to;
  }

  /**
   * A value that starts a line of its own (`content`, column `column`, deeper than the owning collection
   * at `indent`): a block collection, or a scalar or flow collection. `tag` is a tag that ended the
   * previous line; `ownerLineEnd` is where the line of the key or `-` ends.
   */
  private nodeOnOwnLine(content: number, column: number, indent: number, tag: TagInfo | undefined, ownerLineEnd: number): SyntaxNode {
    if (this.isSequenceEntry(content)) return this.tagged(this.blockSequence(content, column), tag);
    const key = this.implicitKey(content);
    if (key) return this.tagged(this.blockMapping(content, column, key), tag);
    const c = this.text.charCodeAt(content);
    if ((tag && c === BANG) || c === PIPE || c === GT) decline();
    // Blank or comment lines between the key and a scalar on its own line can lower the indentation
    // from which the `yaml` lexer continues that scalar (its indentNext): leave those to the full parser.
    if (content - column !== ownerLineEnd) decline();
    if (tag) return this.tagged(this.untaggedInline(content, indent, true), tag);
    return this.inlineValue(content, indent, false);
  }

  /**
   * A value that starts on the current line at `p` (not a block collection): scalar, quoted scalar,
   * block scalar, flow collection, possibly tagged. `indent` is the owning collection's column.
   */
  private inlineValue(p: number, indent: number, inMapping: boolean): SyntaxNode {
    const text = this.text;
    const first = text.charCodeAt(p);
    if (first === AMPERSAND) {
      // `&name value` on one line; an anchor before a block collection is left to the full parser.
      const name = this.propertyName(p, false);
      let q = p + 1 + name.length;
      while (text.charCodeAt(q) === SPACE) q++;
      const d = q < this.len ? text.charCodeAt(q) : NL;
      if (d === AMPERSAND || d === STAR) decline();
      if (d !== NL && d !== HASH) return this.anchored(name, () => this.inlineValue(q, indent, inMapping));
      // `key: &name` and the node on the lines below, as for a tag there.
      const lineEnd = this.restOfLine(q);
      const content = this.skipBlankAndComments(lineEnd);
      if (content < 0) decline(); // an anchored empty value
      const below = text.charCodeAt(content);
      if (below === AMPERSAND || below === STAR || below === BANG) decline(); // a second anchor is an error; the rest is rare
      const column = this.contentColumn;
      if (column === indent && inMapping && this.isSequenceEntry(content)) return this.anchored(name, () => this.blockSequence(content, indent));
      if (column <= indent) decline();
      return this.anchored(name, () => this.nodeOnOwnLine(content, column, indent, undefined, lineEnd));
    }
    if (first === STAR) {
      const name = this.propertyName(p, false);
      const node = this.alias(name);
      const lineEnd = this.restOfLine(p + 1 + name.length);
      const merged = this.scanGap(lineEnd, indent);
      if (this.nextIndent > indent) decline();
      this.end2 = merged;
      return node;
    }
    if (first !== BANG) return this.untaggedInline(p, indent, false);
    const tag = this.tag(p);
    let q = tag.end;
    while (text.charCodeAt(q) === SPACE) q++;
    const d = q < this.len ? text.charCodeAt(q) : NL;
    if (d === NL || d === HASH) {
      const lineEnd = this.restOfLine(q);
      const content = this.skipBlankAndComments(lineEnd);
      if (content < 0) decline(); // a tagged empty value
      const column = this.contentColumn;
      if (column === indent && inMapping && this.isSequenceEntry(content)) return this.tagged(this.blockSequence(content, indent), tag);
      if (column <= indent) decline();
      return this.nodeOnOwnLine(content, column, indent, tag, lineEnd);
    }
    if (d === BANG) decline();
    return this.tagged(this.untaggedInline(q, indent, true), tag);
  }

  private untaggedInline(p: number, indent: number, tagged: boolean): SyntaxNode {
    const c = this.text.charCodeAt(p);
    if (c === PIPE || c === GT) return this.blockScalar(p, indent);
    let node: SyntaxNode;
    let end: number;
    if (c === LBRACKET || c === LBRACE) {
      node = this.flowCollection(p, indent);
      end = node.end;
    } else if (c === SQUOTE || c === DQUOTE) {
      const value = this.quoted(p);
      end = this.quoteEnd;
      node = { type: 'scalar', value, start: p, end };
    } else {
      if (!this.plainCanStart(p, false)) decline();
      end = this.scanPlainBlock(p);
      if (this.stop === COLON) decline(); // `a: b: c`
      if (this.stop === NL) {
        // The scalar reached its line end: when the next line (after blank lines only) is indented past
        // the collection, it continues the scalar.
        const lineEnd = this.stopAt + 1;
        const merged = this.scanGap(Math.min(lineEnd, this.len), indent);
        if (this.nextIndent <= indent || this.gapHadComment) {
          const source = this.text.slice(p, end);
          node = { type: 'scalar', value: tagged ? source : resolvePlain(source), start: p, end };
          if (this.nextIndent > indent) decline(); // badly indented content after a comment
          this.end2 = merged;
          return node;
        }
        end = this.continuePlain(end, indent + 1);
      }
      const source = this.text.slice(p, end);
      const value = source.indexOf('\n') < 0 ? source : unfoldLines(source);
      node = { type: 'scalar', value: tagged ? value : resolvePlain(value), start: p, end };
    }
    const lineEnd = this.restOfLine(end);
    const merged = this.scanGap(lineEnd, indent);
    if (this.nextIndent > indent) decline(); // a continuation line, or badly indented content
    this.end2 = merged;
    return node;
  }

  // ---- Keys, scalars, tags ----------------------------------------------------------------------------

  /** An implicit key at `p` followed by `:` and a space or line end (sets `keyAfter`); undefined when the line holds no key. */
  private implicitKey(p: number): ScalarNode | undefined {
    const text = this.text;
    const c = text.charCodeAt(p);
    let node: ScalarNode;
    let colon: number;
    if (c === SQUOTE || c === DQUOTE) {
      const value = this.quoted(p);
      const end = this.quoteEnd;
      colon = end;
      while (text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON) return undefined;
      node = { type: 'scalar', value, start: p, end };
    } else {
      if (!this.plainCanStart(p, false)) return undefined;
      const end = this.scanPlainBlock(p);
      if (this.stop !== COLON) return undefined;
      colon = this.stopAt;
      const value = resolvePlain(text.slice(p, end));
      node = { type: 'scalar', value: value === null ? '' : value, start: p, end };
    }
    if (!this.isBlankOrEnd(colon + 1)) return undefined;
    if (colon - p > MAX_KEY_LENGTH) decline();
    this.keyAfter = colon + 1;
    return node;
  }

  /** Whether a plain scalar may start at `p` (YAML indicators cannot start one). */
  private plainCanStart(p: number, inFlow: boolean): boolean {
    if (p >= this.len) return false;
    const c = this.text.charCodeAt(p);
    switch (c) {
      case NL:
      case SPACE:
      case HASH:
      case 38: // &
      case 42: // *
      case BANG:
      case PIPE:
      case GT:
      case SQUOTE:
      case DQUOTE:
      case 37: // %
      case 64: // @
      case 96: // `
      case LBRACKET:
      case RBRACKET:
      case LBRACE:
      case RBRACE:
      case COMMA:
        return false;
      case DASH:
      case 63: // ?
      case COLON: {
        const next = p + 1 < this.len ? this.text.charCodeAt(p + 1) : NL;
        if (next === SPACE || next === NL) return false;
        if (inFlow && isFlowIndicator(next)) return false;
        return true;
      }
      default:
        return true;
    }
  }

  /**
   * A single-line plain scalar in block context from `p`. Returns the offset after its last non-space
   * character; it stops at `: `, ` #` or the line end (`stop` says which, `stopAt` where).
   */
  private scanPlainBlock(p: number): number {
    const text = this.text;
    const len = this.len;
    let end = p;
    let i = p;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === NL) break;
      if (c === COLON) {
        const next = i + 1 < len ? text.charCodeAt(i + 1) : NL;
        if (next === SPACE || next === NL) {
          this.stop = COLON;
          this.stopAt = i;
          return end;
        }
        end = i + 1;
      } else if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) {
          this.stop = HASH;
          this.stopAt = i;
          return end;
        }
      } else end = i + 1;
    }
    this.stop = NL;
    this.stopAt = i;
    return end;
  }

  /**
   * Continues a plain scalar that reached a line end (`stopAt`) onto the following lines, as the `yaml`
   * lexer does: blank lines, and lines indented at least `indentNext`, up to a comment or `: `. Returns
   * the scalar's new end.
   */
  private continuePlain(end: number, indentNext: number): number {
    const text = this.text;
    let nl = this.stopAt;
    while (nl < this.len) {
      let q = nl + 1;
      while (text.charCodeAt(q) === SPACE) q++;
      if (q >= this.len) break;
      const c = text.charCodeAt(q);
      if (c === NL) {
        nl = q;
        continue;
      }
      if (q - (nl + 1) < indentNext || c === HASH) break;
      if (c === COLON && this.isBlankOrEnd(q + 1)) decline();
      end = this.scanPlainBlock(q);
      if (this.stop === COLON) decline(); // a multi-line implicit key
      if (this.stop !== NL) break;
      nl = this.stopAt;
    }
    return end;
  }

  /** A single-line quoted scalar at `p`: returns its value, sets `quoteEnd` after the closing quote. */
  private quoted(p: number): string {
    const text = this.text;
    if (text.charCodeAt(p) === SQUOTE) {
      let i = p + 1;
      let hasEscape = false;
      while (true) {
        const j = text.indexOf("'", i);
        if (j < 0) decline();
        const nl = text.indexOf('\n', i);
        if (nl >= 0 && nl < j) decline();
        if (text.charCodeAt(j + 1) === SQUOTE) {
          hasEscape = true;
          i = j + 2;
          continue;
        }
        const inner = text.slice(p + 1, j);
        this.quoteEnd = j + 1;
        return hasEscape ? inner.replace(/''/g, "'") : inner;
      }
    }
    let i = p + 1;
    let hasEscape = false;
    for (; i < this.len; i++) {
      const c = text.charCodeAt(i);
      if (c === DQUOTE) break;
      if (c === NL) decline();
      if (c === 92) {
        hasEscape = true;
        i++;
        if (text.charCodeAt(i) === NL) decline();
      }
    }
    if (i >= this.len) decline();
    const inner = text.slice(p + 1, i);
    this.quoteEnd = i + 1;
    return hasEscape ? unescapeDoubleQuoted(inner) : inner;
  }

  /** A tag at `p` (`!Name`), which must be followed by a space or line end. */
  private tag(p: number): TagInfo {
    const text = this.text;
    let i = p + 1;
    for (; i < this.len; i++) {
      const c = text.charCodeAt(i);
      const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === DASH || c === DOT || c === COLON;
      if (!ok) break;
    }
    if (i === p + 1 || !this.isBlankOrEnd(i)) decline();
    return { name: text.slice(p, i), end: i };
  }

  /** Applies a tag as the `yaml` path's converter does: short forms to `{ "Fn::X": value }`, others marked unknown. */
  private tagged(node: SyntaxNode, tag: TagInfo | undefined): SyntaxNode {
    if (!tag) return node;
    const longForm = SHORT_TAGS[tag.name];
    if (!longForm) {
      node.unknownTag = tag.name;
      return node;
    }
    const start = node.start;
    const tagStart = this.text.lastIndexOf(tag.name, start);
    const exprStart = tagStart >= 0 && start - tagStart < 4096 ? tagStart : start;
    const key: ScalarNode = { type: 'scalar', value: longForm, start: exprStart, end: exprStart + tag.name.length };
    const wrapper: MappingNode = { type: 'mapping', pairs: [{ key, keyText: longForm, value: node }], start: exprStart, end: node.end };
    this.tagWrappers.add(wrapper);
    return wrapper;
  }

  // ---- Anchors and aliases -------------------------------------------------------------------------

  /**
   * The name after `&` or `*` at `p`. Only letters, digits, `_`, `-` and `.`, ended by a space, a line
   * end or (in flow) `,`, `]` or `}`: the `yaml` package reads other characters (`:`, quotes) as part of
   * a name, and those spellings are left to it.
   */
  private propertyName(p: number, inFlow: boolean): string {
    const text = this.text;
    let i = p + 1;
    for (; i < this.len; i++) {
      const c = text.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === DASH || c === DOT)) break;
    }
    const c = i < this.len ? text.charCodeAt(i) : NL;
    if (i === p + 1 || !(c === SPACE || c === NL || (inFlow && (c === COMMA || c === RBRACKET || c === RBRACE)))) decline();
    return text.slice(p + 1, i);
  }

  /** Parses the node an anchor names; an alias to the anchor inside it (a cycle) is left to the full parser. */
  private anchored(name: string, parse: () => SyntaxNode): SyntaxNode {
    this.anchors.set(name, IN_PROGRESS);
    const node = parse();
    this.anchors.set(name, node);
    return node;
  }

  /**
   * What an alias stands for: a copy of the anchored node, positions included, as the `yaml` path's
   * converter builds it. Linear in the nodes copied, which count against MAX_ALIAS_EXPANSION; past it,
   * or for an unknown anchor, the full parser decides.
   */
  private alias(name: string): SyntaxNode {
    const target = this.anchors.get(name);
    if (target === undefined || target === IN_PROGRESS) decline();
    return this.copy(target, this.depth);
  }

  /** A copy of `node`, which lands `depth` levels deep. */
  private copy(node: SyntaxNode, depth: number): SyntaxNode {
    // Deeper than this, the `yaml` path's converter might run out of stack before it counts past the limit.
    if (depth > MAX_COPY_DEPTH) decline();
    if (this.overflowed) return { type: 'scalar', value: null, start: node.start, end: node.end };
    this.expanded++;
    const wrapper = this.tagWrappers.has(node);
    if (!wrapper && !(node.type === 'scalar' && node.value === null && node.start === node.end) && ++this.expandedSurely > MAX_ALIAS_EXPANSION) {
      this.overflowed = true;
      return { type: 'scalar', value: null, start: node.start, end: node.end };
    }
    if (node.type === 'scalar') return { ...node };
    if (node.type === 'sequence') return { ...node, items: node.items.map((item) => this.copy(item, depth + 1)) };
    const pairs = node.pairs.map((pair) => ({ key: { ...pair.key }, keyText: pair.keyText, value: this.copy(pair.value, depth + 1) }));
    // The `yaml` path finds repeated keys in the expanded tree: a copy repeats them.
    if (pairs.length > 1) collectDuplicateKeys(pairs, this.duplicates);
    const copied = { ...node, pairs };
    if (wrapper) this.tagWrappers.add(copied);
    return copied;
  }

  /** Whether the `yaml` path surely stays within MAX_ALIAS_EXPANSION (else it is unknown, or known to go over: overflowed). */
  get withinAliasLimit(): boolean {
    return this.expanded <= MAX_ALIAS_EXPANSION;
  }

  // ---- Block scalars ----------------------------------------------------------------------------------

  /** A `|` or `>` block scalar whose header is at `p`, in a collection at column `indent`. */
  private blockScalar(p: number, indent: number): ScalarNode {
    const text = this.text;
    const folded = text.charCodeAt(p) === GT;
    let i = p + 1;
    let chomp = '';
    const c1 = text.charCodeAt(i);
    if (c1 === DASH || c1 === 43) {
      chomp = c1 === DASH ? '-' : '+';
      i++;
    }
    if (i >= this.len || !this.isBlankOrEnd(i)) decline();
    const bodyStart = this.restOfLine(i);
    if (bodyStart >= this.len) decline();
    const keep = chomp === '+';
    // The lexer's rule for where the body ends (yaml/dist/parse/lexer.js parseBlockScalar).
    const indentNext = indent + 1;
    let nl = bodyStart - 1;
    let lineIndent = 0;
    for (let j = bodyStart; j < this.len; j++) {
      const c = text.charCodeAt(j);
      if (c === SPACE) lineIndent++;
      else if (c === NL) {
        nl = j;
        lineIndent = 0;
      } else break;
    }
    if (lineIndent >= indentNext) {
      const contentIndent = lineIndent;
      while (true) {
        // continueScalar: the next line continues the body when blank or indented enough.
        const offset = nl + 1;
        let k = 0;
        while (text.charCodeAt(offset + k) === SPACE) k++;
        const at = offset + k;
        if (!((at < this.len && text.charCodeAt(at) === NL) || k >= contentIndent)) break;
        nl = text.indexOf('\n', at);
        if (nl === -1) break;
      }
      if (nl === -1) nl = this.len;
    }
    if (!keep) {
      while (true) {
        let j = nl - 1;
        const lastChar = j;
        while (text.charCodeAt(j) === SPACE) j--;
        if (j >= 0 && text.charCodeAt(j) === NL && j >= bodyStart && j + 1 + lineIndent > lastChar) nl = j;
        else break;
      }
    }
    const end = Math.min(nl + 1, this.len);
    const value = blockScalarValue(text.slice(bodyStart, end), folded, chomp, indent);
    this.scanGap(end, -1);
    if (this.nextIndent > indent) decline();
    this.end2 = end;
    return { type: 'scalar', value, start: p, end };
  }

  // ---- Flow collections -------------------------------------------------------------------------------

  /** A flow sequence or mapping at `p` inside a block collection at column `indent`. */
  private flowCollection(p: number, indent: number): MappingNode | SequenceNode {
    this.enter();
    const text = this.text;
    const isMap = text.charCodeAt(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    let i = this.flowSpace(p + 1, indent);
    const pairs: PairNode[] = [];
    const items: SyntaxNode[] = [];
    if (text.charCodeAt(i) === close) i++;
    else {
      while (true) {
        if (isMap) {
          const key = this.flowKey(i);
          i = this.keyAfter;
          if (text.charCodeAt(i) !== SPACE) decline();
          while (text.charCodeAt(i) === SPACE) i++;
          const value = this.flowNode(i, indent);
          pairs.push({ key, keyText: String(key.value), value });
          i = this.end2;
        } else {
          items.push(this.flowNode(i, indent));
          i = this.end2;
        }
        while (text.charCodeAt(i) === SPACE) i++;
        const c = text.charCodeAt(i);
        if (c === COMMA) {
          i = this.flowSpace(i + 1, indent);
          if (text.charCodeAt(i) === close || text.charCodeAt(i) === COMMA) decline();
          continue;
        }
        if (c === close) {
          i++;
          break;
        }
        decline();
      }
    }
    this.depth--;
    if (!isMap) return { type: 'sequence', items, start: p, end: i };
    if (pairs.length > 1) collectDuplicateKeys(pairs, this.duplicates);
    return { type: 'mapping', pairs, start: p, end: i };
  }

  /** Skips spaces and line breaks after an opening bracket or comma; continuation lines must be indented past `indent`. */
  private flowSpace(p: number, indent: number): number {
    const text = this.text;
    while (true) {
      const c = text.charCodeAt(p);
      if (c === SPACE) p++;
      else if (c === NL) {
        p++;
        let k = 0;
        while (text.charCodeAt(p) === SPACE) {
          p++;
          k++;
        }
        const d = text.charCodeAt(p);
        if (d === NL) continue;
        if (p >= this.len || d === HASH || k <= indent) decline();
      } else if (c === HASH) decline();
      else return p;
    }
  }

  /** A key inside a flow mapping, followed by `:` (sets `keyAfter` just after it). */
  private flowKey(p: number): ScalarNode {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === SQUOTE || c === DQUOTE) {
      const value = this.quoted(p);
      const end = this.quoteEnd;
      if (text.charCodeAt(end) !== COLON) decline();
      this.keyAfter = end + 1;
      return { type: 'scalar', value, start: p, end };
    }
    if (!this.plainCanStart(p, true)) decline();
    const end = this.scanPlainFlow(p);
    if (this.stop !== COLON || end !== this.stopAt) decline();
    const value = resolvePlain(text.slice(p, end));
    this.keyAfter = this.stopAt + 1;
    return { type: 'scalar', value: value === null ? '' : value, start: p, end };
  }

  /** A value inside a flow collection (scalar, quoted scalar, nested flow collection, possibly tagged); sets `end2` to where it ends. */
  private flowNode(p: number, indent: number): SyntaxNode {
    const text = this.text;
    const first = text.charCodeAt(p);
    if (first === AMPERSAND) {
      const name = this.propertyName(p, true);
      let q = p + 1 + name.length;
      if (text.charCodeAt(q) !== SPACE) decline();
      while (text.charCodeAt(q) === SPACE) q++;
      const d = text.charCodeAt(q);
      if (d === AMPERSAND || d === STAR || d === NL || d === HASH || isFlowIndicator(d)) decline();
      return this.anchored(name, () => this.flowNode(q, indent));
    }
    if (first === STAR) {
      const name = this.propertyName(p, true);
      const after = p + 1 + name.length;
      if (text.charCodeAt(after) === COLON) decline();
      this.end2 = after;
      return this.alias(name);
    }
    let tag: TagInfo | undefined;
    if (text.charCodeAt(p) === BANG) {
      tag = this.tag(p);
      if (text.charCodeAt(tag.end) !== SPACE) decline();
      p = tag.end;
      while (text.charCodeAt(p) === SPACE) p++;
    }
    const c = text.charCodeAt(p);
    let node: SyntaxNode;
    let after: number;
    if (c === LBRACKET || c === LBRACE) {
      node = this.flowCollection(p, indent);
      after = node.end;
    } else if (c === SQUOTE || c === DQUOTE) {
      const value = this.quoted(p);
      after = this.quoteEnd;
      node = { type: 'scalar', value, start: p, end: after };
    } else {
      if (!this.plainCanStart(p, true)) decline();
      after = this.scanPlainFlow(p);
      if (this.stop === COLON || this.stop === NL) decline(); // an implicit pair, or a scalar running on
      const source = text.slice(p, after);
      node = { type: 'scalar', value: tag ? source : resolvePlain(source), start: p, end: after };
    }
    if (text.charCodeAt(after) === COLON) decline();
    this.end2 = after;
    return tag ? this.tagged(node, tag) : node;
  }

  /** A plain scalar inside a flow collection: stops at flow indicators, `: ` and `:` before an indicator, ` #`, line ends. */
  private scanPlainFlow(p: number): number {
    const text = this.text;
    const len = this.len;
    let end = p;
    let i = p;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === NL) break;
      if (c === COLON) {
        const next = i + 1 < len ? text.charCodeAt(i + 1) : NL;
        if (next === SPACE || next === NL || isFlowIndicator(next)) {
          this.stop = COLON;
          this.stopAt = i;
          return end;
        }
        end = i + 1;
      } else if (c === SPACE) {
        const next = text.charCodeAt(i + 1);
        if (next === HASH) decline();
        if (isFlowIndicator(next)) {
          this.stop = next;
          this.stopAt = i;
          return end;
        }
      } else if (isFlowIndicator(c)) {
        this.stop = c;
        this.stopAt = i;
        return end;
      } else end = i + 1;
    }
    this.stop = NL;
    this.stopAt = i;
    return end;
  }
}

function inTextOrder(comments: CommentRange[]): CommentRange[] {
  if (comments.length < 2) return comments;
  comments.sort((a, b) => a.start - b.start);
  return comments.filter((comment, i) => i === 0 || comment.start !== comments[i - 1]!.start);
}

interface TagInfo {
  name: string;
  end: number;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

// ---- Scalar resolution: the `yaml` package's YAML 1.1 schema (yaml/dist/schema/yaml-1.1), in its order --

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE_RE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE_RE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BIN_RE = /^[-+]?0b[0-1_]+$/;
const INT_OCT_RE = /^[-+]?0[0-7_]+$/;
const INT_RE = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX_RE = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;
const INT_TIME_RE = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/;
const FLOAT_TIME_RE = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/;

/**
 * A plain scalar's value as the `yaml` path gives it: null, boolean, number, or the text itself
 * (timestamps become their source text in the converter, which is the same string).
 */
export function resolvePlain(source: string): string | number | boolean | null {
  const c = source.charCodeAt(0);
  // Most scalars start with a letter: only null, booleans (at most 5 characters) and `e5`-like floats
  // start with one.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    if (source.length > 5 && c !== 101 && c !== 69) return source;
    switch (c) {
      case 121: // y
      case 89: // Y
      case 116: // t
      case 84: // T
        return TRUE_RE.test(source) ? true : source;
      case 111: // o
      case 79: // O
        return TRUE_RE.test(source) ? true : FALSE_RE.test(source) ? false : source;
      case 110: // n
      case 78: // N
        if (NULL_RE.test(source)) return null;
        return FALSE_RE.test(source) ? false : source;
      case 102: // f
      case 70: // F
        return FALSE_RE.test(source) ? false : source;
      case 101: // e: `e5` is a float in this schema
      case 69: // E
        return FLOAT_EXP_RE.test(source) ? parseFloat(source.replace(/_/g, '')) : source;
      default:
        return source;
    }
  }
  // `<<` is a plain string: merge keys are not applied (`merge: false` on the `yaml` path, as CloudFormation).
  if (NULL_RE.test(source)) return null;
  if (INT_BIN_RE.test(source)) return intResolve(source, 2, 2);
  if (INT_OCT_RE.test(source)) return intResolve(source, 1, 8);
  if (INT_RE.test(source)) return intResolve(source, 0, 10);
  if (INT_HEX_RE.test(source)) return intResolve(source, 2, 16);
  if (FLOAT_NAN_RE.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP_RE.test(source)) return parseFloat(source.replace(/_/g, ''));
  if (FLOAT_RE.test(source)) return parseFloat(source.replace(/_/g, ''));
  if (INT_TIME_RE.test(source) || FLOAT_TIME_RE.test(source)) return parseSexagesimal(source);
  return source;
}

function intResolve(source: string, offset: number, radix: number): number {
  const sign = source[0];
  if (sign === '-' || sign === '+') offset += 1;
  const digits = source.substring(offset).replace(/_/g, '');
  const n = parseInt(digits, radix);
  return sign === '-' ? -1 * n : n;
}

function parseSexagesimal(source: string): number {
  const sign = source[0];
  const parts = sign === '-' || sign === '+' ? source.substring(1) : source;
  const result = parts
    .replace(/_/g, '')
    .split(':')
    .reduce((acc, part) => acc * 60 + Number(part), 0);
  return sign === '-' ? -1 * result : result;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** The inside of a single-line double-quoted scalar with escapes (yaml/dist/compose/resolve-flow-scalar.js). */
function unescapeDoubleQuoted(inner: string): string {
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = inner[++i];
    if (next === undefined) return decline();
    const mapped = ESCAPES[next];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const length = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (length === 0) return decline(); // an invalid escape is a YAML error
    const hex = inner.substr(i + 1, length);
    if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) return decline();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return decline();
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}

/**
 * The value of a block scalar from its body lines (yaml/dist/compose/resolve-block-scalar.js, without
 * explicit indentation indicators). `parentIndent` is the owning collection's column.
 */
function blockScalarValue(source: string, folded: boolean, chomp: string, parentIndent: number): string {
  const lines = source ? splitLines(source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i]![1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) return chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';
  let trimIndent = parentIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content === '') {
      if (indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) decline(); // more-indented leading empty lines
      trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0) decline();
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]![0].length > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i]![0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content && indent.length < trimIndent) decline();
    if (!folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  switch (chomp) {
    case '-':
      break;
    case '+':
      for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i]![0].slice(trimIndent);
      if (value[value.length - 1] !== '\n') value += '\n';
      break;
    default:
      value += '\n';
  }
  return value;
}

/** Folds the lines of a multi-line plain scalar (yaml/dist/compose/resolve-flow-scalar.js unfoldLines). */
function unfoldLines(source: string): string {
  const line = /(.*?)\n/sy;
  let match = line.exec(source);
  if (!match) return source;
  const trimEnd = /(?<![ \t])[ \t]+$/;
  const trimBoth = /^[ \t]+|(?<![ \t])[ \t]+$/g;
  let res = match[1]!.replace(trimEnd, '');
  let sep = ' ';
  let pos = line.lastIndex;
  while ((match = line.exec(source))) {
    const lm = match[1]!.replace(trimBoth, '');
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep + (match?.[1] ?? '');
}

function splitLines(source: string): Array<[string, string]> {
  const split = source.split(/\n( *)/);
  const first = split[0]!;
  const m = /^( *)/.exec(first);
  const line0: [string, string] = m?.[1] ? [m[1], first.slice(m[1].length)] : ['', first];
  const lines: Array<[string, string]> = [line0];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i]!, split[i + 1]!]);
  return lines;
}
