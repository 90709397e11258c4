// Expression evaluation (FORMATS.md, "Terraform values"): an HCL expression folded to a value where the
// configuration decides it, unknown everywhere else. A Folder evaluates in one frame: a module directory,
// and for a module instance the caller's arguments and where values written in the module are reported.
import type { Member, ObjectValue, ResourceServerInfo, Value } from '../../model';
import type { SourceFile, Span } from '../../source';
import type { Workspace } from '../../workspace';
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclRange, HclStep } from '../../parse/hcl';
import type { EvaluationBudget, Overrun } from '../budget';
import { IGNORED_BLOCKS } from '../terraform-names';
import { ModuleDirectory, RESOURCE_SERVER_TYPES, spanIn, type VariableDefinition } from './files';

/** `null`: the argument is not set. */
export const ABSENT = Symbol('absent');
export type Folded = Value | typeof ABSENT;
export type Iteration = ReadonlyMap<string, Value>;
export const NO_ITERATION: Iteration = new Map();

interface Frame {
  directory: ModuleDirectory;
  workspace: Workspace;
  /** Module instance: the caller's arguments, folded where the caller wrote them. */
  inputs?: ReadonlyMap<string, Folded>;
  /** Module instance: values written in the module are reported here (the module call's label). */
  relocate?: { span: Span; note: string };
  /** Module instance: `module.a.module.b.` */
  address?: string;
  /** Module instance: the call names from the root module (`a`, `b`), its key in modules.json. */
  calls?: readonly string[];
  depth: number;
  /** Directories of the module chain, to stop cycles. */
  chain?: readonly string[];
  /** The linted file's, shared by its module instances and variable defaults. */
  budget: EvaluationBudget;
}

export class Folder {
  private readonly localValues = new Map<string, Folded>();
  private readonly localsInProgress = new Set<string>();
  private readonly identifiersInProgress = new Set<string>();
  private servers: ResourceServerInfo[] | undefined;

  constructor(readonly frame: Frame) {}

  /** Where a value written at `range` of `file` is reported, and where it is written when that differs. */
  private place(file: SourceFile, range: HclRange): { span: Span; written?: { span: Span; note: string } } {
    const own = spanIn(file, range);
    const relocate = this.frame.relocate;
    return relocate ? { span: relocate.span, written: { span: own, note: relocate.note } } : { span: own };
  }

  keySpan(file: SourceFile, range: HclRange): Span {
    return this.frame.relocate?.span ?? spanIn(file, range);
  }

  unknown(file: SourceFile, range: HclRange, reason: string): Value {
    return { kind: 'unknown', reason, ...this.place(file, range) };
  }

  fold(expr: HclExpr, file: SourceFile, iteration: Iteration): Folded {
    const over = this.frame.budget.enter();
    if (over) return this.tooLarge(over, file, expr);
    try {
      return this.foldExpr(expr, file, iteration);
    } finally {
      this.frame.budget.leave();
    }
  }

  /** The expression at `range` went over the file's budget: unknown, and noted once for the file. */
  tooLarge(over: Overrun, file: SourceFile, range: HclRange): Value {
    return this.frame.budget.exceeded(over, file, range, this.place(file, range));
  }

  /** A copy of `value` for the reference at `range`, or unknown when copying it goes over budget. */
  private copied(value: Value, file: SourceFile, range: HclRange, copy: (value: Value) => Value): Value {
    const over = this.frame.budget.copy(value);
    return over ? this.tooLarge(over, file, range) : copy(value);
  }

  private foldExpr(expr: HclExpr, file: SourceFile, iteration: Iteration): Folded {
    switch (expr.kind) {
      case 'literal': {
        const over = typeof expr.value === 'string' ? this.frame.budget.text(expr.value) : undefined;
        if (over) return this.tooLarge(over, file, expr);
        return expr.value === null ? ABSENT : { kind: 'scalar', value: expr.value, ...this.place(file, expr) };
      }
      case 'template':
        return this.template(expr, file, iteration);
      case 'tuple': {
        const items: Value[] = [];
        for (const item of expr.items) {
          const folded = this.fold(item, file, iteration);
          items.push(folded === ABSENT ? { kind: 'scalar', value: null, ...this.place(file, item) } : folded);
        }
        return { kind: 'list', items, ...this.place(file, expr) };
      }
      case 'object':
        return this.object(expr, file, iteration);
      case 'traversal':
        return this.traversal(expr, file, iteration);
      case 'postfix':
        return this.applySteps(this.fold(expr.target, file, iteration), expr.steps, file, iteration, expr);
      case 'parens':
        return this.fold(expr.inner, file, iteration);
      case 'call':
        return this.call(expr, file, iteration);
      case 'for':
        return this.forExpr(expr, file, iteration);
      case 'conditional': {
        const condition = this.fold(expr.condition, file, iteration);
        if (condition === ABSENT || condition.kind !== 'scalar' || typeof condition.value !== 'boolean') return this.unknown(file, expr, 'condition not known');
        return this.fold(condition.value ? expr.then : expr.otherwise, file, iteration);
      }
      case 'unary':
      case 'binary':
        return this.operation(expr, file, iteration);
      case 'other':
        return this.unknown(file, expr, 'expression not folded');
    }
  }

  private template(expr: Extract<HclExpr, { kind: 'template' }>, file: SourceFile, iteration: Iteration): Folded {
    const [only] = expr.parts;
    // "${x}" alone is x itself, whatever its type (Terraform 0.11 wrote every reference so).
    if (expr.parts.length === 1 && only?.kind === 'interpolation') {
      const inner = this.fold(only.expr, file, iteration);
      return inner === ABSENT ? this.unknown(file, expr, 'null in a template') : inner;
    }
    let known = '';
    let origin: Value['origin'];
    const place = this.place(file, expr);
    const partial = (): Value => (known === '' ? { kind: 'unknown', reason: 'template', ...place } : { kind: 'partial', prefix: known, ...place });
    for (const part of expr.parts) {
      if (part.kind === 'text') {
        known += part.value;
        continue;
      }
      if (part.kind === 'directive') return partial();
      const value = this.fold(part.expr, file, iteration);
      if (value === ABSENT) return partial();
      if (value.kind === 'partial') {
        known += value.prefix;
        return partial();
      }
      if (value.kind !== 'scalar' || value.value === null) return partial();
      origin ??= value.origin;
      known += String(value.value);
    }
    const over = this.frame.budget.text(known);
    if (over) return this.tooLarge(over, file, expr);
    return { kind: 'scalar', value: known, ...place, ...(origin ? { origin } : {}) };
  }

  private object(expr: Extract<HclExpr, { kind: 'object' }>, file: SourceFile, iteration: Iteration): Folded {
    const members = new Map<string, Member>();
    for (const item of expr.items) {
      const key = this.objectKey(item.key, file, iteration);
      if (key === undefined) return this.unknown(file, expr, 'object key not known');
      const value = this.fold(item.value, file, iteration);
      if (value === ABSENT) members.delete(key);
      else members.set(key, { name: key, keySpan: this.keySpan(file, item.key), value });
    }
    return { kind: 'object', members, ...this.place(file, expr) };
  }

  /** `key = v` with a bare name is the name itself; `"key"` the string; `(expr)` whatever it folds to. */
  private objectKey(key: HclExpr, file: SourceFile, iteration: Iteration): string | undefined {
    if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
    const folded = this.fold(key, file, iteration);
    return folded !== ABSENT && folded.kind === 'scalar' && folded.value !== null && typeof folded.value !== 'boolean' ? String(folded.value) : undefined;
  }

  private traversal(expr: Extract<HclExpr, { kind: 'traversal' }>, file: SourceFile, iteration: Iteration): Folded {
    const bound = iteration.get(expr.root);
    if (bound) return this.applySteps(this.copied(bound, file, expr, cloneValue), expr.steps, file, iteration, expr);
    const [first, ...rest] = expr.steps;
    if ((expr.root === 'var' || expr.root === 'local') && first?.kind === 'attr') {
      const reference: HclRange = { start: expr.start, end: first.end };
      const value = expr.root === 'var' ? this.variable(first.name, file, reference) : this.local(first.name, file, reference);
      return this.applySteps(value, rest, file, iteration, expr);
    }
    if (RESOURCE_SERVER_TYPES.has(expr.root) && first?.kind === 'attr' && rest.length >= 1 && rest[0]!.kind === 'attr' && rest[0]!.name === 'identifier') {
      const reference: HclRange = { start: expr.start, end: rest[0]!.end };
      const identifier = this.resourceServerIdentifier(expr.root, first.name, file, reference);
      if (identifier) return this.applySteps(identifier, rest.slice(1), file, iteration, expr);
    }
    return this.unknown(file, expr, `reference to ${expr.root}`);
  }

  /**
   * `aws_cognito_resource_server.api.identifier`: the identifier written in that resource of this module
   * directory, when it is known and the resource is a single instance (no count or for_each).
   */
  private resourceServerIdentifier(type: string, label: string, file: SourceFile, reference: HclRange): Value | undefined {
    const key = `${type}.${label}`;
    if (this.identifiersInProgress.has(key)) return undefined;
    for (const tf of this.frame.directory.all()) {
      const block = tf.body.blocks.find((candidate) => candidate.type === 'resource' && candidate.labels[0]?.value === type && candidate.labels[1]?.value === label);
      if (!block) continue;
      const attribute = (name: string): HclAttribute | undefined => block.body.attributes.find((a) => a.name === name);
      if (attribute('count') || attribute('for_each')) return undefined;
      this.identifiersInProgress.add(key);
      try {
        const identifier = this.knownString(attribute('identifier')?.expr, tf.file);
        return identifier === undefined ? undefined : { kind: 'scalar', value: identifier, ...this.place(file, reference) };
      } finally {
        this.identifiersInProgress.delete(key);
      }
    }
    return undefined;
  }

  private variable(name: string, file: SourceFile, reference: HclRange): Folded {
    const inputs = this.frame.inputs;
    const definition = this.frame.directory.variable(name);
    if (inputs?.has(name)) {
      const input = inputs.get(name)!;
      if (input !== ABSENT) return this.copied(input, file, reference, cloneValue);
      // A null argument means the default only for a variable declared `nullable = false`.
      return definition && !definition.nullable ? this.variableDefault(definition, file, reference) : ABSENT;
    }
    if (!definition) return this.unknown(file, reference, `undeclared variable ${name}`);
    // A module instance without this argument and without a default would not plan; alone, it is an input.
    return this.variableDefault(definition, file, reference);
  }

  private variableDefault(definition: VariableDefinition, file: SourceFile, reference: HclRange): Folded {
    const attribute = definition.defaultAttribute;
    if (!attribute) return this.unknown(file, reference, `variable ${definition.name} has no default`);
    // Defaults are constants: folded without variables, in their own file, never relocated.
    const folded = new Folder({ directory: EMPTY_DIRECTORY, workspace: this.frame.workspace, depth: 0, budget: this.frame.budget }).fold(attribute.expr, definition.file, NO_ITERATION);
    if (folded === ABSENT) return ABSENT;
    return this.copied(folded, file, reference, (value) => asDefault(value, this.place(file, reference), `variable "${definition.name}"`));
  }

  private local(name: string, file: SourceFile, reference: HclRange): Folded {
    const definition = this.frame.directory.local(name);
    if (!definition) return this.unknown(file, reference, `undeclared local ${name}`);
    let value = this.localValues.get(name);
    if (value === undefined) {
      if (this.localsInProgress.has(name)) return this.unknown(file, reference, `local ${name} refers to itself`);
      this.localsInProgress.add(name);
      try {
        value = this.fold(definition.attribute.expr, definition.file, NO_ITERATION);
      } finally {
        this.localsInProgress.delete(name);
      }
      this.localValues.set(name, value);
    }
    if (value === ABSENT) return ABSENT;
    // A local of the same file is reported where it is written; one of another file at the reference.
    if (definition.file === file || this.frame.relocate) return this.copied(value, file, reference, cloneValue);
    return this.copied(value, file, reference, (local) => writtenElsewhere(local, spanIn(file, reference), `written in local "${name}"`));
  }

  private applySteps(start: Folded, steps: readonly HclStep[], file: SourceFile, iteration: Iteration, whole: HclRange): Folded {
    let value = start;
    for (const step of steps) {
      if (value === ABSENT) return this.unknown(file, whole, 'attribute of null');
      if (value.kind === 'unknown') return this.unknown(file, whole, value.reason);
      if (step.kind === 'splat') return this.unknown(file, whole, 'splat');
      let key: string | number | undefined;
      if (step.kind === 'attr') key = step.name;
      else {
        const folded = this.fold(step.key, file, iteration);
        key = folded !== ABSENT && folded.kind === 'scalar' && (typeof folded.value === 'string' || typeof folded.value === 'number') ? folded.value : undefined;
      }
      let next: Value | undefined;
      if (value.kind === 'object' && key !== undefined) next = value.members.get(String(key))?.value;
      else if (value.kind === 'list' && typeof key === 'number') next = value.items[key];
      else if (value.kind === 'list' && typeof key === 'string' && /^\d+$/.test(key)) next = value.items[Number(key)];
      if (!next) return this.unknown(file, whole, 'index or attribute not known');
      value = next;
    }
    return value;
  }

  // ---- Functions ----

  private call(expr: Extract<HclExpr, { kind: 'call' }>, file: SourceFile, iteration: Iteration): Folded {
    if (expr.expandLast) return this.unknown(file, expr, `${expr.name}(...) with expanded arguments`);
    const args = (): Folded[] => expr.args.map((arg) => this.fold(arg, file, iteration));
    const place = this.place(file, expr);
    switch (expr.name) {
      case 'tolist':
      case 'toset': {
        const [list] = args();
        if (expr.args.length !== 1 || list === undefined || list === ABSENT || list.kind !== 'list') return this.unknown(file, expr, `${expr.name}()`);
        if (expr.name === 'tolist') return { ...list, ...place };
        // A set holds each value once.
        const seen = new Set<string>();
        const items = list.items.filter((item) => {
          if (item.kind !== 'scalar') return true;
          const key = JSON.stringify(item.value);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        return { ...list, items, ...place };
      }
      case 'concat': {
        const items: Value[] = [];
        let anyKnown = false;
        let origin: Value['origin'];
        const lists = args();
        // Sized before building, and items pushed one by one: a spread of a long list overflows the stack.
        const over = this.frame.budget.elements(lists.reduce((size, list) => size + (list !== ABSENT && list.kind === 'list' ? list.items.length : 1), 0));
        if (over) return this.tooLarge(over, file, expr);
        for (const [index, list] of lists.entries()) {
          if (list !== ABSENT && list.kind === 'list') {
            anyKnown = true;
            origin ??= list.origin;
            for (const item of list.items) items.push(item);
          } else if (list !== ABSENT && list.kind === 'unknown') {
            // Some items, none known.
            items.push(this.unknown(file, expr.args[index]!, 'list not known'));
          } else {
            return this.unknown(file, expr, 'concat() of a non-list');
          }
        }
        return anyKnown ? { kind: 'list', items, ...place, ...(origin ? { origin } : {}) } : this.unknown(file, expr, 'concat() of unknown lists');
      }
      case 'compact': {
        const [list] = args();
        if (expr.args.length !== 1 || list === undefined || list === ABSENT || list.kind !== 'list') return this.unknown(file, expr, 'compact()');
        return { ...list, items: list.items.filter((item) => !(item.kind === 'scalar' && (item.value === null || item.value === ''))), ...place };
      }
      case 'formatlist':
        return this.formatlist(expr, args(), file);
      default:
        return this.unknown(file, expr, `${expr.name}()`);
    }
  }

  /** formatlist(format, lists or values...): one string per position; a list of unknown length gives one partial item. */
  private formatlist(expr: Extract<HclExpr, { kind: 'call' }>, args: Folded[], file: SourceFile): Folded {
    const [format, ...rest] = args;
    if (format === undefined || format === ABSENT || format.kind !== 'scalar' || typeof format.value !== 'string') return this.unknown(file, expr, 'formatlist() format not known');
    const place = this.place(file, expr);
    let length: number | undefined;
    let lengthKnown = true;
    for (const arg of rest) {
      if (arg === ABSENT) return this.unknown(file, expr, 'formatlist() of null');
      if (arg.kind === 'list') {
        if (length !== undefined && length !== arg.items.length) return this.unknown(file, expr, 'formatlist() lists of different lengths');
        length = arg.items.length;
      } else if (arg.kind === 'unknown') lengthKnown = false;
    }
    const origin = rest.find((arg): arg is Value => arg !== ABSENT && arg.origin !== undefined)?.origin;
    const itemAt = (index: number | undefined): Value => {
      const values = rest.map((arg) => (arg === ABSENT ? undefined : arg.kind === 'list' ? (index === undefined ? undefined : arg.items[index]) : arg.kind === 'unknown' ? undefined : arg));
      const formatted = formatString(format.value as string, values);
      const over = this.frame.budget.text(formatted.text);
      if (over) return this.tooLarge(over, file, expr);
      const base = { ...place, ...(origin ? { origin } : {}) };
      if (formatted.complete) return { kind: 'scalar', value: formatted.text, ...base };
      return formatted.text === '' ? { kind: 'unknown', reason: 'formatlist() item', ...base } : { kind: 'partial', prefix: formatted.text, ...base };
    };
    if (!lengthKnown || length === undefined) {
      // Unknown length (or no list at all, which Terraform rejects): every item starts the same way.
      if (length === undefined && lengthKnown) return this.unknown(file, expr, 'formatlist() without a list');
      const sample = itemAt(undefined);
      return sample.kind === 'unknown' ? this.unknown(file, expr, 'formatlist() of unknown lists') : { kind: 'list', items: [sample], ...place, ...(origin ? { origin } : {}) };
    }
    return { kind: 'list', items: Array.from({ length }, (_, index) => itemAt(index)), ...place, ...(origin ? { origin } : {}) };
  }

  private forExpr(expr: Extract<HclExpr, { kind: 'for' }>, file: SourceFile, iteration: Iteration): Folded {
    if (expr.grouping) return this.unknown(file, expr, 'for with grouping');
    const collection = this.fold(expr.collection, file, iteration);
    if (collection === ABSENT || (collection.kind !== 'list' && collection.kind !== 'object')) return this.unknown(file, expr, 'for over a collection not known');
    const entries: Array<[Value, Value]> =
      collection.kind === 'list'
        ? collection.items.map((item, index) => [{ kind: 'scalar', value: index, span: item.span }, item])
        : [...collection.members.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((member) => [{ kind: 'scalar', value: member.name, span: member.keySpan }, member.value]);
    const items: Value[] = [];
    const members = new Map<string, Member>();
    for (const [key, value] of entries) {
      const scope = new Map(iteration);
      scope.set(expr.valueVar, value);
      if (expr.keyVar) scope.set(expr.keyVar, key);
      if (expr.condition) {
        const keep = this.fold(expr.condition, file, scope);
        if (keep === ABSENT || keep.kind !== 'scalar' || typeof keep.value !== 'boolean') return this.unknown(file, expr, 'for condition not known');
        if (!keep.value) continue;
      }
      const result = this.fold(expr.valueExpr, file, scope);
      if (!expr.object) {
        items.push(result === ABSENT ? { kind: 'scalar', value: null, ...this.place(file, expr.valueExpr) } : result);
        continue;
      }
      const name = expr.keyExpr ? this.fold(expr.keyExpr, file, scope) : ABSENT;
      if (name === ABSENT || name.kind !== 'scalar' || name.value === null) return this.unknown(file, expr, 'for key not known');
      if (result !== ABSENT) members.set(String(name.value), { name: String(name.value), keySpan: name.span, value: result });
    }
    const place = this.place(file, expr);
    const origin = collection.origin;
    return expr.object ? { kind: 'object', members, ...place, ...(origin ? { origin } : {}) } : { kind: 'list', items, ...place, ...(origin ? { origin } : {}) };
  }

  private operation(expr: Extract<HclExpr, { kind: 'unary' | 'binary' }>, file: SourceFile, iteration: Iteration): Folded {
    const scalar = (e: HclExpr): string | number | boolean | null | undefined => {
      const folded = this.fold(e, file, iteration);
      if (folded === ABSENT) return null;
      return folded.kind === 'scalar' ? folded.value : undefined;
    };
    let result: string | number | boolean | undefined;
    if (expr.kind === 'unary') {
      const operand = scalar(expr.operand);
      if (expr.op === '!' && typeof operand === 'boolean') result = !operand;
      else if (expr.op === '-' && typeof operand === 'number') result = -operand;
    } else {
      const left = scalar(expr.left);
      const right = scalar(expr.right);
      if (left !== undefined && right !== undefined) result = binary(expr.op, left, right);
    }
    return result === undefined ? this.unknown(file, expr, `operator ${expr.op} on values not known`) : { kind: 'scalar', value: result, ...this.place(file, expr) };
  }

  // ---- Blocks ----

  /** A nested block (or a `dynamic` block's content) as an object, keys mapped with `names`. */
  blockObject(body: HclBody, file: SourceFile, iteration: Iteration, names: Record<string, string> | undefined, range: HclRange): ObjectValue {
    const members = new Map<string, Member>();
    for (const attribute of body.attributes) {
      const value = this.fold(attribute.expr, file, iteration);
      const name = names?.[attribute.name] ?? attribute.name;
      if (value === ABSENT) members.delete(name);
      else members.set(name, { name, keySpan: this.keySpan(file, attribute.nameRange), value });
    }
    for (const block of body.blocks) {
      if (IGNORED_BLOCKS.has(block.type) || block.type === 'dynamic') continue;
      members.set(block.type, { name: block.type, keySpan: this.keySpan(file, block.typeRange), value: this.blockObject(block.body, file, iteration, undefined, block) });
    }
    return { kind: 'object', members, ...this.place(file, range) };
  }

  /**
   * `dynamic "label" { for_each = ...; iterator = it; content { ... } }`: one object per element when
   * the collection is known; undefined (unknown) otherwise.
   */
  dynamicObjects(block: HclBlock, file: SourceFile, iteration: Iteration, names: Record<string, string> | undefined): ObjectValue[] | undefined {
    const forEach = block.body.attributes.find((a) => a.name === 'for_each');
    const content = block.body.blocks.find((b) => b.type === 'content');
    if (!forEach || !content) return undefined;
    const collection = this.fold(forEach.expr, file, iteration);
    if (collection === ABSENT || (collection.kind !== 'list' && collection.kind !== 'object')) return undefined;
    const iteratorExpr = block.body.attributes.find((a) => a.name === 'iterator')?.expr;
    const iterator = iteratorExpr?.kind === 'traversal' && iteratorExpr.steps.length === 0 ? iteratorExpr.root : (block.labels[0]?.value ?? '');
    const entries: Array<[Value, Value]> =
      collection.kind === 'list'
        ? collection.items.map((item, index) => [{ kind: 'scalar', value: index, span: item.span }, item])
        : [...collection.members.values()].map((member) => [{ kind: 'scalar', value: member.name, span: member.keySpan }, member.value]);
    return entries.map(([key, value]) => {
      const scope = new Map(iteration);
      const members = new Map<string, Member>([
        ['key', { name: 'key', keySpan: key.span, value: key }],
        ['value', { name: 'value', keySpan: value.span, value }],
      ]);
      scope.set(iterator, { kind: 'object', members, span: value.span });
      return this.blockObject(content.body, file, scope, names, content);
    });
  }

  /** Resource servers of this module directory (for scope-defined), with this frame's inputs. */
  resourceServers(): ResourceServerInfo[] {
    if (this.servers) return this.servers;
    const servers: ResourceServerInfo[] = [];
    for (const tf of this.frame.directory.all()) {
      for (const block of tf.body.blocks) {
        if (block.type !== 'resource' || !block.labels[0] || !RESOURCE_SERVER_TYPES.has(block.labels[0].value)) continue;
        servers.push(this.resourceServer(block, tf.file));
      }
    }
    this.servers = servers;
    return servers;
  }

  private resourceServer(block: HclBlock, file: SourceFile): ResourceServerInfo {
    const attribute = (name: string): HclAttribute | undefined => block.body.attributes.find((a) => a.name === name);
    const userPoolKey = canonicalExpression(file, attribute('user_pool_id')?.expr);
    const identifier = this.knownString(attribute('identifier')?.expr, file);
    if (identifier === undefined) return { userPoolKey, scopes: undefined };
    // aws: `scope { scope_name = ... }` blocks (or dynamic ones); awscc: `scopes = [{ scope_name = ... }]`.
    const scopeObjects: Value[] = [];
    const scopesAttribute = attribute('scopes');
    if (scopesAttribute) {
      const list = this.fold(scopesAttribute.expr, file, NO_ITERATION);
      if (list === ABSENT) return { userPoolKey, scopes: [] };
      if (list.kind !== 'list') return { userPoolKey, scopes: undefined };
      scopeObjects.push(...list.items);
    }
    for (const scope of block.body.blocks) {
      if (scope.type === 'scope') scopeObjects.push(this.blockObject(scope.body, file, NO_ITERATION, undefined, scope));
      else if (scope.type === 'dynamic' && scope.labels[0]?.value === 'scope') {
        const objects = this.dynamicObjects(scope, file, NO_ITERATION, undefined);
        if (!objects) return { userPoolKey, scopes: undefined };
        scopeObjects.push(...objects);
      }
    }
    const scopes: string[] = [];
    for (const scope of scopeObjects) {
      const name = scope.kind === 'object' ? scope.members.get('scope_name')?.value : undefined;
      if (name?.kind !== 'scalar' || typeof name.value !== 'string') return { userPoolKey, scopes: undefined };
      scopes.push(`${identifier}/${name.value}`);
    }
    return { userPoolKey, scopes };
  }

  knownString(expr: HclExpr | undefined, file: SourceFile): string | undefined {
    if (!expr) return undefined;
    const value = this.fold(expr, file, NO_ITERATION);
    return value !== ABSENT && value.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
  }
}

const EMPTY_DIRECTORY = ModuleDirectory.empty();

function binary(op: string, left: string | number | boolean | null, right: string | number | boolean | null): string | number | boolean | undefined {
  switch (op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '&&':
      return typeof left === 'boolean' && typeof right === 'boolean' ? left && right : undefined;
    case '||':
      return typeof left === 'boolean' && typeof right === 'boolean' ? left || right : undefined;
    default:
      break;
  }
  if (typeof left !== 'number' || typeof right !== 'number') return undefined;
  switch (op) {
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '>=':
      return left >= right;
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? undefined : left / right;
    case '%':
      return right === 0 ? undefined : left % right;
    default:
      return undefined;
  }
}

/** Terraform's format verbs for the cases that matter here: %s %v %d %q %%; text stops at the first value not known. */
function formatString(format: string, values: Array<Value | undefined>): { text: string; complete: boolean } {
  let text = '';
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char !== '%') {
      text += char;
      continue;
    }
    const verb = /^%([-+# 0]*\d*(?:\.\d+)?)?([%svdqtbfeg])/.exec(format.slice(i));
    if (!verb) return { text, complete: false };
    i += verb[0].length - 1;
    if (verb[2] === '%') {
      text += '%';
      continue;
    }
    const value = values[next++];
    if (verb[1] || value === undefined || value.kind !== 'scalar' || value.value === null) {
      if (value?.kind === 'partial' && !verb[1] && (verb[2] === 's' || verb[2] === 'v')) text += value.prefix;
      return { text, complete: false };
    }
    if (verb[2] === 'q') text += JSON.stringify(String(value.value));
    else if (verb[2] === 'd' && typeof value.value !== 'number') return { text, complete: false };
    else text += String(value.value);
  }
  return { text, complete: true };
}

/** The expression's source text without blanks: `aws_cognito_user_pool.pool.id` keys the pool for scope-defined. */
export function canonicalExpression(file: SourceFile, expr: HclExpr | undefined): string | undefined {
  return expr ? file.text.slice(expr.start, expr.end).replace(/\s+/g, '') : undefined;
}

/** A copy whose nodes can be changed (coercion replaces list items and members in place). */
function cloneValue(value: Value): Value {
  if (value.kind === 'list') return { ...value, items: value.items.map(cloneValue) };
  if (value.kind === 'object') return { ...value, members: new Map([...value.members].map(([name, member]) => [name, { ...member, value: cloneValue(member.value) }])) };
  return { ...value };
}

/** A default's value, reported at the reference, each part with its own place in the default as origin. */
function asDefault(value: Value, at: { span: Span; written?: { span: Span; note: string } }, owner: string): Value {
  const base = { span: at.span, origin: { owner, span: value.span }, ...(at.written ? { written: at.written } : {}) };
  if (value.kind === 'list') return { ...value, ...base, items: value.items.map((item) => asDefault(item, at, owner)) };
  if (value.kind === 'object') {
    return { ...value, ...base, members: new Map([...value.members].map(([name, member]) => [name, { ...member, keySpan: at.span, value: asDefault(member.value, at, owner) }])) };
  }
  return { ...value, ...base };
}

/** A value of another file, reported at the reference, with where it is written. */
function writtenElsewhere(value: Value, at: Span, note: string): Value {
  const base = { span: at, written: value.written ?? { span: value.span, note } };
  if (value.kind === 'list') return { ...value, ...base, items: value.items.map((item) => writtenElsewhere(item, at, note)) };
  if (value.kind === 'object') {
    return { ...value, ...base, members: new Map([...value.members].map(([name, member]) => [name, { ...member, keySpan: at, value: writtenElsewhere(member.value, at, note) }])) };
  }
  return { ...value, ...base };
}
