// Terraform's built-in functions on folded arguments (README, "Terraform values"): the ones real modules
// use around clients, evaluated when their arguments are known, unknown when they are not, and a failure
// (what `try` and `can` catch) when Terraform itself would stop with an error. `try`, `can` and
// `formatlist` need the folder (lazy or partial arguments) and live there; a function not listed here is
// unknown, never an error. file(), filebase64() and templatefile() stay unknown: nothing but `.tf` is read.
import type { Member, Value } from '../../model';
import type { Span } from '../../source';
import type { Overrun } from '../budget';

/** `null`: the argument is not set. */
export const ABSENT = Symbol('absent');
export type Folded = Value | typeof ABSENT;

/** What a function needs from the folder: where its result is placed, and how it says unknown, failed or too large. */
export interface CallContext {
  place: { span: Span; written?: { span: Span; note: string } };
  unknown(reason: string): Value;
  /** Terraform would stop here: unknown, and counted so that `try`/`can` see it. */
  fail(reason: string): Value;
  elements(size: number): Overrun | undefined;
  text(value: string): Overrun | undefined;
  tooLarge(over: Overrun): Value;
}

/** Every function folded (here and in the folder), as the README lists them. */
export const FOLDED_FUNCTIONS = [
  'coalesce', 'coalescelist', 'compact', 'concat', 'contains', 'distinct', 'element', 'flatten', 'format', 'formatlist', 'index', 'join', 'keys', 'length', 'lookup',
  'lower', 'merge', 'replace', 'split', 'tolist', 'tomap', 'toset', 'try', 'can', 'upper', 'values', 'zipmap',
] as const;

type Known<K extends Value['kind']> = Extract<Value, { kind: K }>;

/**
 * A text that equals another's when Terraform's `==` would say equal; undefined when the value is not
 * fully known (then neither equal nor different).
 */
export function valueKey(value: Folded): string | undefined {
  if (value === ABSENT) return 'null';
  switch (value.kind) {
    case 'scalar':
      return JSON.stringify(value.value);
    case 'list': {
      const items: string[] = [];
      for (const item of value.items) {
        const key = valueKey(item);
        if (key === undefined) return undefined;
        items.push(key);
      }
      return `[${items.join(',')}]`;
    }
    case 'object': {
      const members: string[] = [];
      for (const name of [...value.members.keys()].sort()) {
        const key = valueKey(value.members.get(name)!.value);
        if (key === undefined) return undefined;
        members.push(`${JSON.stringify(name)}:${key}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      return undefined;
  }
}

/** A member's or item's value as the folder hands it on: a written `null` is not set. */
export function nullToAbsent<T extends Folded | undefined>(value: T): T | typeof ABSENT {
  return value !== undefined && value !== ABSENT && value.kind === 'scalar' && value.value === null ? ABSENT : value;
}

/** The members of a map in Terraform's order (lexical by key). */
export function sortedMembers(value: Known<'object'>): Member[] {
  return [...value.members.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function str(value: Folded | undefined): string | undefined {
  return value !== undefined && value !== ABSENT && value.kind === 'scalar' && (typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean') ? String(value.value) : undefined;
}

function isUnknown(value: Folded | undefined): boolean {
  return value !== undefined && value !== ABSENT && (value.kind === 'unknown' || value.kind === 'partial');
}

function originOf(args: readonly Folded[]): Pick<Value, 'origin'> {
  const origin = args.find((arg): arg is Value => arg !== ABSENT && arg.origin !== undefined)?.origin;
  return origin ? { origin } : {};
}

/**
 * `name(args...)` folded, or undefined when `name` is not a function folded here. Results built from
 * arguments keep each item's own place (where the user wrote it); new scalars sit at the call.
 */
export function foldFunction(name: string, args: readonly Folded[], cx: CallContext): Folded | undefined {
  const list = (items: Value[], from: readonly Folded[] = args): Value => {
    const over = cx.elements(items.length);
    return over ? cx.tooLarge(over) : { kind: 'list', items, ...cx.place, ...originOf(from) };
  };
  const scalar = (value: string | number | boolean, from: readonly Folded[] = args): Value => {
    const over = typeof value === 'string' ? cx.text(value) : undefined;
    return over ? cx.tooLarge(over) : { kind: 'scalar', value, ...cx.place, ...originOf(from) };
  };
  const [first, second, third] = args;
  // Most functions: an unknown argument makes the result unknown.
  const anyUnknown = args.some(isUnknown);
  switch (name) {
    case 'coalesce': {
      for (const arg of args) {
        if (arg === ABSENT || (arg.kind === 'scalar' && (arg.value === null || arg.value === ''))) continue;
        return isUnknown(arg) ? cx.unknown('coalesce() of a value not known') : arg;
      }
      return cx.fail('coalesce() with no non-null argument');
    }
    case 'coalescelist': {
      for (const arg of args) {
        if (arg === ABSENT) continue;
        if (arg.kind !== 'list') return arg.kind === 'unknown' ? cx.unknown('coalescelist() of a list not known') : cx.fail('coalescelist() of a non-list');
        if (arg.items.length > 0) return arg;
      }
      return cx.fail('coalescelist() with no non-empty list');
    }
    case 'lookup': {
      if (args.length < 2 || args.length > 3) return cx.fail('lookup() takes 2 or 3 arguments');
      const key = str(second);
      if (first === ABSENT || second === ABSENT) return cx.fail('lookup() of null');
      if (first!.kind !== 'object' || key === undefined) return anyUnknown || first!.kind === 'unknown' || second!.kind === 'unknown' ? cx.unknown('lookup() not known') : cx.fail('lookup() of a non-map');
      const member = first!.members.get(key);
      if (member) return nullToAbsent(member.value);
      return args.length === 3 ? third! : cx.fail(`lookup() of a missing key "${key}"`);
    }
    case 'merge': {
      const members = new Map<string, Member>();
      for (const arg of args) {
        if (arg === ABSENT) continue;
        if (arg.kind !== 'object') return arg.kind === 'unknown' ? cx.unknown('merge() of a map not known') : cx.fail('merge() of a non-map');
        for (const member of arg.members.values()) {
          members.delete(member.name);
          members.set(member.name, member);
        }
      }
      const over = cx.elements(members.size);
      return over ? cx.tooLarge(over) : { kind: 'object', members, ...cx.place, ...originOf(args) };
    }
    case 'keys':
    case 'values': {
      if (args.length !== 1 || first === ABSENT) return cx.fail(`${name}() of null`);
      if (first!.kind !== 'object') return first!.kind === 'unknown' ? cx.unknown(`${name}() of a map not known`) : cx.fail(`${name}() of a non-map`);
      const members = sortedMembers(first!);
      return list(members.map((member) => (name === 'keys' ? { kind: 'scalar', value: member.name, span: member.keySpan } : member.value)));
    }
    case 'length': {
      if (args.length !== 1 || first === ABSENT) return cx.fail('length() of null');
      if (first!.kind === 'list') return scalar(first!.items.length);
      if (first!.kind === 'object') return scalar(first!.members.size);
      if (first!.kind === 'scalar' && typeof first!.value === 'string') return scalar([...first!.value].length);
      return first!.kind === 'scalar' ? cx.fail('length() of a number or bool') : cx.unknown('length() of a value not known');
    }
    case 'contains': {
      if (args.length !== 2 || first === ABSENT) return cx.fail('contains() of null');
      if (first!.kind !== 'list') return first!.kind === 'unknown' ? cx.unknown('contains() of a list not known') : cx.fail('contains() of a non-list');
      const wanted = valueKey(second!);
      if (wanted === undefined) return cx.unknown('contains() of a value not known');
      let unsure = false;
      for (const item of first!.items) {
        const key = valueKey(item);
        if (key === wanted) return scalar(true);
        if (key === undefined) unsure = true;
      }
      return unsure ? cx.unknown('contains() of a list with values not known') : scalar(false);
    }
    case 'flatten': {
      if (args.length !== 1 || first === ABSENT) return cx.fail('flatten() of null');
      if (first!.kind !== 'list') return first!.kind === 'unknown' ? cx.unknown('flatten() of a list not known') : cx.fail('flatten() of a non-list');
      const items: Value[] = [];
      // Iterative, nesting is input-controlled.
      const stack: Value[] = [...first!.items].reverse();
      while (stack.length > 0) {
        const item = stack.pop()!;
        if (item.kind === 'unknown') return cx.unknown('flatten() of a list not known');
        if (item.kind === 'list') for (let i = item.items.length - 1; i >= 0; i--) stack.push(item.items[i]!);
        else items.push(item);
      }
      return list(items);
    }
    case 'zipmap': {
      if (args.length !== 2 || first === ABSENT || second === ABSENT) return cx.fail('zipmap() of null');
      if (first!.kind !== 'list' || second!.kind !== 'list') return anyUnknown || first!.kind === 'unknown' || second!.kind === 'unknown' ? cx.unknown('zipmap() not known') : cx.fail('zipmap() of non-lists');
      if (first!.items.length !== second!.items.length) return cx.fail('zipmap() of lists of different lengths');
      const members = new Map<string, Member>();
      for (const [index, keyValue] of first!.items.entries()) {
        const key = str(keyValue);
        if (key === undefined) return cx.unknown('zipmap() key not known');
        members.set(key, { name: key, keySpan: keyValue.span, value: second!.items[index]! });
      }
      const over = cx.elements(members.size);
      return over ? cx.tooLarge(over) : { kind: 'object', members, ...cx.place, ...originOf(args) };
    }
    case 'tomap': {
      if (args.length !== 1) return cx.fail('tomap() takes 1 argument');
      if (first === ABSENT) return ABSENT;
      return first!.kind === 'object' ? { ...first!, ...cx.place } : first!.kind === 'unknown' ? cx.unknown('tomap() of a value not known') : cx.fail('tomap() of a non-map');
    }
    case 'tolist':
    case 'toset': {
      if (args.length !== 1) return cx.fail(`${name}() takes 1 argument`);
      if (first === ABSENT) return ABSENT;
      if (first!.kind !== 'list') return first!.kind === 'unknown' ? cx.unknown(`${name}() of a value not known`) : cx.fail(`${name}() of a non-list`);
      return name === 'tolist' ? { ...first!, ...cx.place } : distinct(first!, cx, true);
    }
    case 'distinct': {
      if (args.length !== 1 || first === ABSENT) return cx.fail('distinct() of null');
      if (first!.kind !== 'list') return first!.kind === 'unknown' ? cx.unknown('distinct() of a list not known') : cx.fail('distinct() of a non-list');
      return distinct(first!, cx, false);
    }
    case 'concat': {
      const items: Value[] = [];
      let size = 0;
      for (const arg of args) {
        if (arg === ABSENT || (arg.kind !== 'list' && arg.kind !== 'unknown')) return cx.fail('concat() of a non-list');
        size += arg.kind === 'list' ? arg.items.length : 1;
      }
      // Sized before building, and items pushed one by one: a spread of a long list overflows the stack.
      const over = cx.elements(size);
      if (over) return cx.tooLarge(over);
      let anyKnown = false;
      for (const arg of args as Value[]) {
        if (arg.kind === 'list') {
          anyKnown = true;
          for (const item of arg.items) items.push(item);
        } else {
          // Some items, none known.
          items.push(arg);
        }
      }
      return anyKnown ? { kind: 'list', items, ...cx.place, ...originOf(args) } : cx.unknown('concat() of unknown lists');
    }
    case 'compact': {
      if (args.length !== 1 || first === ABSENT) return cx.fail('compact() of null');
      if (first!.kind !== 'list') return first!.kind === 'unknown' ? cx.unknown('compact() of a list not known') : cx.fail('compact() of a non-list');
      return { ...first!, items: first!.items.filter((item) => !(item.kind === 'scalar' && (item.value === null || item.value === ''))), ...cx.place };
    }
    case 'element':
    case 'index': {
      if (args.length !== 2 || first === ABSENT || second === ABSENT) return cx.fail(`${name}() of null`);
      if (first!.kind !== 'list') return first!.kind === 'unknown' ? cx.unknown(`${name}() of a list not known`) : cx.fail(`${name}() of a non-list`);
      if (name === 'element') {
        const at = second!.kind === 'scalar' && typeof second!.value === 'number' && Number.isInteger(second!.value) ? second!.value : undefined;
        if (at === undefined) return isUnknown(second) ? cx.unknown('element() index not known') : cx.fail('element() index not a whole number');
        if (first!.items.length === 0 || at < 0) return cx.fail('element() of an empty list or negative index');
        return nullToAbsent(first!.items[at % first!.items.length]!);
      }
      const wanted = valueKey(second!);
      if (wanted === undefined) return cx.unknown('index() of a value not known');
      for (const [position, item] of first!.items.entries()) {
        const key = valueKey(item);
        if (key === undefined) return cx.unknown('index() of a list with values not known');
        if (key === wanted) return scalar(position);
      }
      return cx.fail('index() of a value not in the list');
    }
    case 'join': {
      const separator = str(first);
      if (first === ABSENT || args.length < 2) return cx.fail('join() of null');
      if (separator === undefined) return cx.unknown('join() separator not known');
      const parts: string[] = [];
      for (const arg of args.slice(1)) {
        if (arg === ABSENT || (arg.kind !== 'list' && arg.kind !== 'unknown')) return cx.fail('join() of a non-list');
        if (arg.kind === 'unknown') return partial(parts.join(separator), cx, args);
        for (const item of arg.items) {
          if (item.kind === 'scalar' && item.value === null) return cx.fail('join() of a null item');
          const text = str(item);
          if (text === undefined) return partial(parts.join(separator) + (parts.length > 0 ? separator : '') + (item.kind === 'partial' ? item.prefix : ''), cx, args);
          parts.push(text);
        }
      }
      return scalar(parts.join(separator));
    }
    case 'split': {
      if (args.length !== 2 || first === ABSENT || second === ABSENT) return cx.fail('split() of null');
      const separator = str(first);
      const text = str(second);
      if (separator === undefined || text === undefined) return cx.unknown('split() not known');
      // Terraform splits "" into [""], like JavaScript.
      return list(text.split(separator).map((part) => ({ kind: 'scalar', value: part, ...cx.place, ...originOf(args) })));
    }
    case 'replace': {
      if (args.length !== 3 || args.some((arg) => arg === ABSENT)) return cx.fail('replace() of null');
      const [text, search, replacement] = [str(first), str(second), str(third)];
      // A /regular expression/ is RE2 in Terraform; a backtracking engine on input-controlled patterns is not safe: unknown.
      if (search !== undefined && search.length > 1 && search.startsWith('/') && search.endsWith('/')) return cx.unknown('replace() with a regular expression');
      if (text === undefined || search === undefined || replacement === undefined) return cx.unknown('replace() not known');
      return scalar(search === '' ? text : text.split(search).join(replacement));
    }
    case 'lower':
    case 'upper': {
      if (args.length !== 1 || first === ABSENT) return cx.fail(`${name}() of null`);
      const change = (text: string): string => (name === 'lower' ? text.toLowerCase() : text.toUpperCase());
      if (first!.kind === 'partial') return partial(change(first!.prefix), cx, args);
      const text = str(first);
      return text === undefined ? (isUnknown(first) ? cx.unknown(`${name}() not known`) : cx.fail(`${name}() of a non-string`)) : scalar(change(text));
    }
    case 'format': {
      const format = str(first);
      if (first === ABSENT || format === undefined) return first === ABSENT ? cx.fail('format() of null') : cx.unknown('format() format not known');
      const formatted = formatString(format, args.slice(1).map((arg) => (arg === ABSENT ? undefined : arg)));
      return formatted.complete ? scalar(formatted.text) : partial(formatted.text, cx, args);
    }
    default:
      return undefined;
  }
}

/** A string known up to `prefix`; unknown when nothing is known. */
function partial(prefix: string, cx: CallContext, args: readonly Folded[]): Value {
  if (prefix === '') return cx.unknown('string not known');
  const over = cx.text(prefix);
  return over ? cx.tooLarge(over) : { kind: 'partial', prefix, ...cx.place, ...originOf(args) };
}

/** Each value once, first occurrence kept (a set's order is not the list's, but every rule reads sets as unordered). */
function distinct(list: Known<'list'>, cx: CallContext, isSet: boolean): Value {
  const seen = new Set<string>();
  const items: Value[] = [];
  for (const item of list.items) {
    const key = valueKey(item);
    if (key === undefined) {
      // A set of values not all known: its length is not known either.
      if (isSet && item.kind !== 'partial') return cx.unknown('toset() of values not known');
      items.push(item);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return { ...list, items, ...cx.place };
}

/** Terraform's format verbs for the cases that matter here: %s %v %d %q %%; text stops at the first value not known. */
export function formatString(format: string, values: Array<Value | undefined>): { text: string; complete: boolean } {
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
