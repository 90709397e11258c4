// Expression evaluation (FORMATS.md, "Terraform values"): an HCL expression folded to a value where the
// configuration decides it, unknown everywhere else. A Folder evaluates in one frame: a module directory,
// and for a module instance the caller's arguments and where values written in the module are reported.
import type { Member, ObjectValue, Value } from '../../model';
import type { SourceFile, Span } from '../../source';
import type { Workspace } from '../../workspace';
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclRange, HclStep } from '../../parse/hcl';
import type { EvaluationBudget, Overrun } from '../budget';
import { IGNORED_BLOCKS, NAME_ATTRIBUTES } from '../terraform-names';
import { ModuleDirectory, spanIn, type VariableDefinition } from './files';
import { ABSENT, foldFunction, formatString, nullToAbsent, sortedMembers, valueKey, type CallContext, type Folded } from './functions';

export { ABSENT, type Folded } from './functions';
export type Iteration = ReadonlyMap<string, Value>;
/** The steps after `var.x` / `local.x`, applied before the value is copied. */
type Pick = (value: Folded) => Folded;
export const NO_ITERATION: Iteration = new Map();


/** One instance of a block with `for_each` or `count`: its address suffix (`["key"]`, `[0]`) and bindings. */
export interface Instance {
  key: string;
  iteration: Iteration;
  /** `each.value` (for_each over a map), to find where the caller wrote it. */
  value?: Value;
}

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
  private readonly localValues = new Map<string, { value: Folded; failed: boolean }>();
  /** Errors Terraform would stop at so far (a missing attribute, a function on the wrong type): what `try`/`can` catch. */
  private failures = 0;
  private readonly localsInProgress = new Set<string>();
  private readonly namesInProgress = new Set<string>();

  constructor(readonly frame: Frame) {}

  /** Where a value written at `range` of `file` is reported, and where it is written when that differs. */
  private place(file: SourceFile, range: HclRange): { span: Span; written?: { span: Span; note: string } } {
    const own = spanIn(file, range);
    const relocate = this.frame.relocate;
    return relocate ? { span: relocate.span, written: { span: own, note: relocate.note } } : { span: own };
  }

  /**
   * Where a member written at `range` is reported: in a module, at the call, unless its value is one the
   * caller wrote (`try(each.value.callback_urls, null)`): then at that value, where the user can change it.
   */
  keySpan(file: SourceFile, range: HclRange, value?: Folded): Span {
    const relocate = this.frame.relocate;
    if (!relocate) return spanIn(file, range);
    return value !== undefined && value !== ABSENT && fromCaller(value, relocate.span) ? value.span : relocate.span;
  }

  unknown(file: SourceFile, range: HclRange, reason: string): Value {
    return { kind: 'unknown', reason, ...this.place(file, range) };
  }

  /** An error in Terraform (plan stops): unknown here, and counted for `try`/`can`. */
  private fail(file: SourceFile, range: HclRange, reason: string): Value {
    this.failures++;
    return this.unknown(file, range, reason);
  }

  fold(expr: HclExpr, file: SourceFile, iteration: Iteration): Folded {
    const over = this.frame.budget.enter();
    if (over) return this.tooLarge(over, file, expr);
    try {
      // A null member or item read out of a collection is "not set" like a literal null.
      return nullToAbsent(this.foldExpr(expr, file, iteration));
    } finally {
      this.frame.budget.leave();
    }
  }

  /**
   * The instances a block's `for_each` (a map, or a set of strings) or `count` makes; undefined when the
   * block has neither or the collection is not known (then it is one instance with unknowns).
   */
  instances(body: HclBody, file: SourceFile, iteration: Iteration): Instance[] | undefined {
    const forEach = body.attributes.find((a) => a.name === 'for_each');
    const count = body.attributes.find((a) => a.name === 'count');
    const attribute = forEach ?? count;
    if (!attribute) return undefined;
    const collection = this.fold(attribute.expr, file, iteration);
    if (collection === ABSENT) return undefined;
    const entries: Array<{ key: string | number; value: Value }> = [];
    if (!forEach) {
      if (collection.kind !== 'scalar' || typeof collection.value !== 'number' || !Number.isInteger(collection.value) || collection.value < 0) return undefined;
      // One past the limit is enough to know it is over.
      for (let index = 0; index < Math.min(collection.value, this.frame.budget.limits.blockInstances + 1); index++) entries.push({ key: index, value: { kind: 'scalar', value: index, span: collection.span } });
    } else if (collection.kind === 'object') {
      for (const member of sortedMembers(collection)) entries.push({ key: member.name, value: member.value });
    } else if (collection.kind === 'list') {
      // A set of strings (toset() is a list here): each.key and each.value are the string.
      const seen = new Set<string>();
      for (const item of collection.items) {
        if (item.kind !== 'scalar' || typeof item.value !== 'string') return undefined;
        if (!seen.has(item.value)) entries.push({ key: item.value, value: item });
        seen.add(item.value);
      }
    } else return undefined;
    // Past the limit: one instance with unknowns, and the note.
    const over = this.frame.budget.instances(entries.length);
    if (over) {
      this.tooLarge(over, file, attribute.expr);
      return undefined;
    }
    return entries.map(({ key, value }) => {
      const scope = new Map(iteration);
      const keyValue: Value = { kind: 'scalar', value: key, span: value.span };
      const binding = (name: string, bound: Value): Member => ({ name, keySpan: bound.span, value: bound });
      if (forEach) scope.set('each', { kind: 'object', members: new Map([['key', binding('key', keyValue)], ['value', binding('value', value)]]), span: value.span });
      else scope.set('count', { kind: 'object', members: new Map([['index', binding('index', keyValue)]]), span: value.span });
      return { key: typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`, iteration: scope, ...(forEach ? { value } : {}) };
    });
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
        if (condition === ABSENT) return this.fail(file, expr, 'null condition');
        if (condition.kind !== 'scalar' || typeof condition.value !== 'boolean') return this.unknown(file, expr, 'condition not known');
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
      // A null member is kept (`x.name == null` reads it; a missing one is an error); clients drop it (withoutNulls).
      members.set(key, { name: key, keySpan: this.keySpan(file, item.key, value), value: value === ABSENT ? { kind: 'scalar', value: null, ...this.place(file, item.value) } : value });
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
    if (bound) {
      // Steps first, then the copy: `each.value.name` copies the name, not the whole object, once per reference.
      const picked = this.applySteps(bound, expr.steps, file, iteration, expr);
      return picked === ABSENT ? ABSENT : this.copied(picked, file, expr, cloneValue);
    }
    const [first, ...rest] = expr.steps;
    if ((expr.root === 'var' || expr.root === 'local') && first?.kind === 'attr') {
      const reference: HclRange = { start: expr.start, end: first.end };
      // Steps on the shared value first, then a copy of what they pick: `local.keys[i]` in a `for` copies one
      // key per element, not the whole list (which made a loop over n elements cost n^2).
      const pick = (value: Folded): Folded => this.applySteps(value, rest, file, iteration, expr);
      return expr.root === 'var' ? this.variable(first.name, file, reference, pick) : this.local(first.name, file, reference, pick);
    }
    if (NAME_ATTRIBUTES[expr.root] !== undefined && first?.kind === 'attr' && rest.length >= 1 && rest[0]!.kind === 'attr' && rest[0]!.name === NAME_ATTRIBUTES[expr.root]) {
      const reference: HclRange = { start: expr.start, end: rest[0]!.end };
      const name = this.resourceName(expr.root, first.name, file, reference);
      if (name) return this.applySteps(name, rest.slice(1), file, iteration, expr);
    }
    return this.unknown(file, expr, `reference to ${expr.root}`);
  }

  /**
   * `aws_cognito_resource_server.api.identifier`, `aws_cognito_identity_provider.okta.provider_name`: the
   * name written in that resource of this module directory, when it is known and the resource is a
   * single instance (no count or for_each).
   */
  private resourceName(type: string, label: string, file: SourceFile, reference: HclRange): Value | undefined {
    const key = `${type}.${label}`;
    const attributeName = NAME_ATTRIBUTES[type]!;
    if (this.namesInProgress.has(key)) return undefined;
    for (const tf of this.frame.directory.all()) {
      const block = tf.body.blocks.find((candidate) => candidate.type === 'resource' && candidate.labels[0]?.value === type && candidate.labels[1]?.value === label);
      if (!block) continue;
      const attribute = (name: string): HclAttribute | undefined => block.body.attributes.find((a) => a.name === name);
      if (attribute('count') || attribute('for_each')) return undefined;
      this.namesInProgress.add(key);
      try {
        const name = this.knownString(attribute(attributeName)?.expr, tf.file);
        return name === undefined ? undefined : { kind: 'scalar', value: name, ...this.place(file, reference) };
      } finally {
        this.namesInProgress.delete(key);
      }
    }
    return undefined;
  }

  /** `pick` applied to a shared value, and what it picks copied with `copy` (unknown when that goes over budget). */
  private picked(value: Folded, pick: Pick, file: SourceFile, reference: HclRange, copy: (value: Value) => Value): Folded {
    const result = pick(value);
    return result === ABSENT ? ABSENT : this.copied(result, file, reference, copy);
  }

  private variable(name: string, file: SourceFile, reference: HclRange, pick: Pick): Folded {
    const inputs = this.frame.inputs;
    const definition = this.frame.directory.variable(name);
    if (inputs?.has(name)) {
      const input = inputs.get(name)!;
      if (input !== ABSENT) return this.picked(input, pick, file, reference, cloneValue);
      // A null argument means the default only for a variable declared `nullable = false`.
      return definition && !definition.nullable ? this.variableDefault(definition, file, reference, pick) : pick(ABSENT);
    }
    if (!definition) return pick(this.unknown(file, reference, `undeclared variable ${name}`));
    // A module instance without this argument and without a default would not plan; alone, it is an input.
    return this.variableDefault(definition, file, reference, pick);
  }

  private variableDefault(definition: VariableDefinition, file: SourceFile, reference: HclRange, pick: Pick): Folded {
    const attribute = definition.defaultAttribute;
    if (!attribute) return pick(this.unknown(file, reference, `variable ${definition.name} has no default`));
    // Defaults are constants: folded without variables, in their own file, never relocated.
    const folded = new Folder({ directory: EMPTY_DIRECTORY, workspace: this.frame.workspace, depth: 0, budget: this.frame.budget }).fold(attribute.expr, definition.file, NO_ITERATION);
    return this.picked(folded, pick, file, reference, (value) => asDefault(value, this.place(file, reference), `variable "${definition.name}"`));
  }

  private local(name: string, file: SourceFile, reference: HclRange, pick: Pick): Folded {
    const definition = this.frame.directory.local(name);
    if (!definition) return pick(this.unknown(file, reference, `undeclared local ${name}`));
    let known = this.localValues.get(name);
    if (known === undefined) {
      if (this.localsInProgress.has(name)) return pick(this.unknown(file, reference, `local ${name} refers to itself`));
      this.localsInProgress.add(name);
      const before = this.failures;
      try {
        known = { value: this.fold(definition.attribute.expr, definition.file, NO_ITERATION), failed: false };
      } finally {
        this.localsInProgress.delete(name);
      }
      known.failed = this.failures > before;
      this.localValues.set(name, known);
    } else if (known.failed) this.failures++;
    const value = known.value;
    // A local of the same file is reported where it is written; one of another file at the reference.
    if (definition.file === file || this.frame.relocate) return this.picked(value, pick, file, reference, cloneValue);
    return this.picked(value, pick, file, reference, (local) => writtenElsewhere(local, spanIn(file, reference), `written in local "${name}"`));
  }

  private applySteps(start: Folded, steps: readonly HclStep[], file: SourceFile, iteration: Iteration, whole: HclRange): Folded {
    let value = start;
    for (const [position, step] of steps.entries()) {
      if (step.kind === 'splat') {
        // `x[*].a`: the rest of the steps on each item; null is an empty list, another value a list of itself.
        if (value !== ABSENT && value.kind !== 'list' && value.kind !== 'object' && value.kind !== 'scalar') return this.unknown(file, whole, 'splat of a value not known');
        const items = value === ABSENT ? [] : value.kind === 'list' ? value.items : [value];
        const rest = [...step.steps, ...steps.slice(position + 1)];
        const mapped = items.map((item) => {
          const result = this.applySteps(item, rest, file, iteration, whole);
          return result === ABSENT ? { kind: 'scalar' as const, value: null, span: item.span } : result;
        });
        return { kind: 'list', items: mapped, ...this.place(file, whole) };
      }
      if (value === ABSENT) return this.fail(file, whole, 'attribute of null');
      if (value.kind === 'unknown' || value.kind === 'partial') return this.unknown(file, whole, value.kind === 'unknown' ? value.reason : 'attribute of a string not known');
      let key: string | number | undefined;
      if (step.kind === 'attr') key = step.name;
      else {
        const folded = this.fold(step.key, file, iteration);
        if (folded !== ABSENT && (folded.kind === 'unknown' || folded.kind === 'partial')) return this.unknown(file, whole, 'index not known');
        key = folded !== ABSENT && folded.kind === 'scalar' && (typeof folded.value === 'string' || typeof folded.value === 'number') ? folded.value : undefined;
      }
      let next: Value | undefined;
      if (value.kind === 'object' && key !== undefined) next = value.members.get(String(key))?.value;
      else if (value.kind === 'list' && typeof key === 'number') next = value.items[key];
      else if (value.kind === 'list' && typeof key === 'string' && /^\d+$/.test(key)) next = value.items[Number(key)];
      // A known collection without that member or index: Terraform stops ("Unsupported attribute", "Invalid index").
      if (!next) return this.fail(file, whole, 'no such attribute or index');
      value = nullToAbsent(next);
    }
    return value;
  }

  // ---- Functions ----

  private call(expr: Extract<HclExpr, { kind: 'call' }>, file: SourceFile, iteration: Iteration): Folded {
    if (expr.expandLast) return this.unknown(file, expr, `${expr.name}(...) with expanded arguments`);
    const args = (): Folded[] => expr.args.map((arg) => this.fold(arg, file, iteration));
    switch (expr.name) {
      case 'try':
      case 'can':
        return this.tryOrCan(expr, file, iteration);
      case 'formatlist':
        return this.formatlist(expr, args(), file);
      default: {
        const context: CallContext = {
          place: this.place(file, expr),
          unknown: (reason) => this.unknown(file, expr, reason),
          fail: (reason) => this.fail(file, expr, reason),
          elements: (size) => this.frame.budget.elements(size),
          text: (value) => this.frame.budget.text(value),
          tooLarge: (over) => this.tooLarge(over, file, expr),
        };
        return foldFunction(expr.name, args(), context) ?? this.unknown(file, expr, `${expr.name}()`);
      }
    }
  }

  /**
   * `try(a, b, ...)`: the first argument that folds without an error Terraform would stop at; unknown when
   * that argument is not known (Terraform cannot tell yet either). `can(a)`: whether `a` folds without one.
   */
  private tryOrCan(expr: Extract<HclExpr, { kind: 'call' }>, file: SourceFile, iteration: Iteration): Folded {
    if (expr.args.length === 0 || (expr.name === 'can' && expr.args.length !== 1)) return this.fail(file, expr, `${expr.name}() arguments`);
    for (const arg of expr.args) {
      const before = this.failures;
      const value = this.fold(arg, file, iteration);
      if (this.failures > before) {
        // Caught here: an enclosing try() sees no error.
        this.failures = before;
        if (expr.name === 'can') return { kind: 'scalar', value: false, ...this.place(file, expr) };
        continue;
      }
      if (value !== ABSENT && value.kind === 'unknown') return this.unknown(file, expr, `${expr.name}() of a value not known`);
      return expr.name === 'can' ? { kind: 'scalar', value: true, ...this.place(file, expr) } : value;
    }
    return this.fail(file, expr, 'try() with every argument failing');
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
    const collection = this.fold(expr.collection, file, iteration);
    if (collection === ABSENT) return this.fail(file, expr, 'for over null');
    if (collection.kind !== 'list' && collection.kind !== 'object') return collection.kind === 'scalar' ? this.fail(file, expr, 'for over a single value') : this.unknown(file, expr, 'for over a collection not known');
    const over = this.frame.budget.elements(collection.kind === 'list' ? collection.items.length : collection.members.size);
    if (over) return this.tooLarge(over, file, expr);
    const entries: Array<[Value, Value]> =
      collection.kind === 'list'
        ? collection.items.map((item, index) => [{ kind: 'scalar', value: index, span: item.span }, item])
        : sortedMembers(collection).map((member) => [{ kind: 'scalar', value: member.name, span: member.keySpan }, member.value]);
    const items: Value[] = [];
    const members = new Map<string, Member>();
    for (const [key, value] of entries) {
      const scope = new Map(iteration);
      scope.set(expr.valueVar, value);
      if (expr.keyVar) scope.set(expr.keyVar, key);
      if (expr.condition) {
        const keep = this.fold(expr.condition, file, scope);
        if (keep === ABSENT) return this.fail(file, expr, 'for condition null');
        if (keep.kind !== 'scalar' || typeof keep.value !== 'boolean') return this.unknown(file, expr, 'for condition not known');
        if (!keep.value) continue;
      }
      const result = this.fold(expr.valueExpr, file, scope);
      const item: Value = result === ABSENT ? { kind: 'scalar', value: null, ...this.place(file, expr.valueExpr) } : result;
      if (!expr.object) {
        items.push(item);
        continue;
      }
      const name = expr.keyExpr ? this.fold(expr.keyExpr, file, scope) : ABSENT;
      if (name === ABSENT) return this.fail(file, expr, 'for key null');
      if (name.kind !== 'scalar' || name.value === null) return this.unknown(file, expr, 'for key not known');
      const memberName = String(name.value);
      const existing = members.get(memberName);
      // `key => value...` groups the values of equal keys in a list; without `...` equal keys are an error.
      if (!expr.grouping) {
        if (existing) return this.fail(file, expr, `for with duplicate key "${memberName}"`);
        members.set(memberName, { name: memberName, keySpan: name.span, value: item });
      } else if (existing?.value.kind === 'list') existing.value.items.push(item);
      else members.set(memberName, { name: memberName, keySpan: name.span, value: { kind: 'list', items: [item], ...this.place(file, expr.valueExpr) } });
    }
    const place = this.place(file, expr);
    const origin = collection.origin;
    return expr.object ? { kind: 'object', members, ...place, ...(origin ? { origin } : {}) } : { kind: 'list', items, ...place, ...(origin ? { origin } : {}) };
  }

  private operation(expr: Extract<HclExpr, { kind: 'unary' | 'binary' }>, file: SourceFile, iteration: Iteration): Folded {
    const known = (value: Folded): string | number | boolean | null | undefined => (value === ABSENT ? null : value.kind === 'scalar' ? value.value : undefined);
    let result: string | number | boolean | undefined;
    if (expr.kind === 'unary') {
      const operand = known(this.fold(expr.operand, file, iteration));
      if (expr.op === '!' && typeof operand === 'boolean') result = !operand;
      else if (expr.op === '-' && typeof operand === 'number') result = -operand;
    } else {
      const leftValue = this.fold(expr.left, file, iteration);
      const rightValue = this.fold(expr.right, file, iteration);
      const [left, right] = [known(leftValue), known(rightValue)];
      if (expr.op === '==' || expr.op === '!=') {
        // Collections compare by content; null against a value that is there (a collection, a partial string) is unequal.
        const [leftKey, rightKey] = [valueKey(leftValue), valueKey(rightValue)];
        const there = (value: Folded): boolean => value !== ABSENT && value.kind !== 'unknown';
        const equal = leftKey !== undefined && rightKey !== undefined ? leftKey === rightKey : (leftKey === 'null' && there(rightValue)) || (rightKey === 'null' && there(leftValue)) ? false : undefined;
        if (equal !== undefined) result = expr.op === '==' ? equal : !equal;
      } else if ((expr.op === '&&' || expr.op === '||') && (left === !(expr.op === '&&') || right === !(expr.op === '&&'))) {
        // false && anything is false, true || anything is true, as Terraform says even of unknowns.
        result = expr.op === '||';
      } else if (left !== undefined && right !== undefined) result = binary(expr.op, left, right);
    }
    return result === undefined ? this.unknown(file, expr, `operator ${expr.op} on values not known`) : { kind: 'scalar', value: result, ...this.place(file, expr) };
  }


  // ---- Blocks ----

  /** A nested block (or a `dynamic` block's content) as an object, keys mapped with `names`. */
  blockObject(body: HclBody, file: SourceFile, iteration: Iteration, names: Record<string, string> | undefined, range: HclRange, from?: Value): ObjectValue {
    const members = new Map<string, Member>();
    for (const attribute of body.attributes) {
      const value = this.fold(attribute.expr, file, iteration);
      const name = names?.[attribute.name] ?? attribute.name;
      if (value === ABSENT) members.delete(name);
      else members.set(name, { name, keySpan: this.keySpan(file, attribute.nameRange, value), value });
    }
    for (const block of body.blocks) {
      if (IGNORED_BLOCKS.has(block.type) || block.type === 'dynamic') continue;
      members.set(block.type, { name: block.type, keySpan: this.keySpan(file, block.typeRange), value: this.blockObject(block.body, file, iteration, undefined, block) });
    }
    // A dynamic block over a value the caller wrote lands at that value.
    const relocate = this.frame.relocate;
    return { kind: 'object', members, ...(from && relocate && fromCaller(from, relocate.span) ? { span: from.span } : this.place(file, range)) };
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
      return this.blockObject(content.body, file, scope, names, content, value);
    });
  }

  knownString(expr: HclExpr | undefined, file: SourceFile): string | undefined {
    if (!expr) return undefined;
    const value = this.fold(expr, file, NO_ITERATION);
    return value !== ABSENT && value.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
  }
}

const EMPTY_DIRECTORY = ModuleDirectory.empty();

/** A value in a module frame that its caller wrote: placed outside the module (not at the call's label) and not a default. */
function fromCaller(value: Value, callLabel: Span): boolean {
  return value.written === undefined && value.origin === undefined && !(value.span.file === callLabel.file && value.span.start === callLabel.start && value.span.end === callLabel.end);
}

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

/** The expression's source text without blanks: `aws_cognito_user_pool.pool.id` (what a client's UserPoolId refers to). */
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
