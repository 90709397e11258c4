// A finding's fix (API terms, src/message.ts `Fix`) turned into text edits of the file it is reported in.
// The model's spans say where each value is written; the syntax modules say how a new value, item or
// member is written there. Whatever cannot be edited surgically (a value from a default, a reference, a
// list with an expression or a comment between its items) is not fixable, with the reason in words.
import type { Finding } from '../finding';
import type { AppClient, ListValue, LoadedFile, Member, ObjectValue, Value } from '../model';
import { API_SPELLING, renderFix, type Fix, type Spelling } from '../message';
import { NotFixable, overlaps, type Edit } from './text';
import { checkBracketItems, insertAfterBracketItem, insertBracketMember, removeBracketItem } from './json';
import { checkBlockItems, insertAfterBlockItem, insertBlockMember, removeBlockItem, yamlScalar } from './yaml';
import { hclScalar, insertHclAttribute } from './hcl';
import { hasAnyExtension } from '../formats/dialect';
import { TERRAFORM_EXTENSIONS } from '../load/terraform-names';

/**
 * The rules whose fixes cannot change what a working application does beyond closing the finding (issue
 * 13). Redirect URLs, OAuth flows, scopes and attributes belong to the application's owner: never fixed.
 */
export const SAFE_FIX_RULES: ReadonlySet<string> = new Set([
  'prevent-user-existence-errors',
  'token-revocation-enabled',
  'no-legacy-auth-flow-names',
  'explicit-auth-flows-no-legacy-mix',
  'duplicate-values',
  'refresh-token-auth-missing',
]);

export type FixSyntax = 'yaml' | 'json' | 'hcl';

export function syntaxOf(path: string): FixSyntax {
  if (/\.(tf|tofu|hcl)$/i.test(path)) return 'hcl';
  return /\.json$/i.test(path) ? 'json' : 'yaml';
}

/** The edits, with the fix as the source spells it (`prevent_user_existence_errors = "ENABLED"`); or why none. */
export type FixPlan = { edits: Edit[]; description: string } | { reason: string };

interface Target {
  text: string;
  file: LoadedFile['file'];
  syntax: FixSyntax;
  spelling: Spelling;
}

/**
 * The edits that apply a safe finding's fix, or why there are none. `remediation`: plan any rule's fix,
 * safe or not, for a person to review and apply one at a time (an editor's code action); --fix never does.
 */
export function planFix(finding: Finding, files: readonly LoadedFile[], options: { remediation?: boolean } = {}): FixPlan {
  if (!finding.fix) return { reason: 'the rule proposes no fix' };
  if (!options.remediation && !SAFE_FIX_RULES.has(finding.ruleId)) return { reason: 'the rule has no safe fix' };
  const loaded = files.find((candidate) => candidate.file === finding.file);
  const clients = loaded?.clients.filter((client) => client.name === finding.client) ?? [];
  if (!loaded || clients.length === 0) return { reason: 'the client is not defined in this file' };
  const client = clients[0]!;
  // A Terraform client outside Terraform's own files (.tf, .tofu, .tf.json, .tofu.json) comes from a plan.
  if (client.kind.startsWith('terraform') && !hasAnyExtension(loaded.file.path, TERRAFORM_EXTENSIONS)) {
    return { reason: 'a Terraform plan is generated: fix the configuration it was planned from' };
  }
  const target: Target = { text: loaded.file.text, file: loaded.file, syntax: syntaxOf(loaded.file.path), spelling: client.spelling ?? API_SPELLING };
  try {
    // Fn::If variants share a name and their spans: they must agree on what the fix touches.
    if (new Set(clients.map((variant) => touched(variant, finding.fix!))).size > 1) {
      throw new NotFixable(`${target.spelling.member(fixedMember(finding.fix))} differs between the branches of an Fn::If: change the condition's values`);
    }
    const edits = editsFor(target, client, finding.fix).filter((edit) => target.text.slice(edit.start, edit.end) !== edit.text);
    if (edits.length === 0) throw new NotFixable('the fix changes nothing where the value is written');
    if (edits.some((edit, index) => edits.some((other, at) => at !== index && overlaps(edit, other)))) throw new NotFixable('its edits would overlap');
    return { edits, description: renderFix(finding.fix, target.spelling) };
  } catch (error) {
    if (error instanceof NotFixable) return { reason: error.message };
    throw error;
  }
}

function editsFor(target: Target, client: AppClient, fix: Fix): Edit[] {
  if ('set' in fix) {
    const [path, raw] = fix.set;
    const wanted: string | string[] = raw.startsWith('[') ? (JSON.parse(raw) as string[]) : raw;
    const segments = parsePath(path);
    const found = lookup(client.properties, segments);
    if (found) {
      if (Array.isArray(wanted)) return setList(target, found.value, wanted);
      const like = literalScalar(target, found.value);
      return [{ start: found.value.span.start, end: found.value.span.end, text: scalar(target, wanted, like) }];
    }
    // A module call's arguments are the module's inputs, not the resource's: the member goes in the module.
    if (client.name.startsWith('module.')) throw new NotFixable(`the client is created by a module call: add ${target.spelling.member(path)} to the resource in the module`);
    const parent = segments.length === 1 ? client.properties : lookup(client.properties, segments.slice(0, -1))?.value;
    if (!parent || parent.kind !== 'object') throw new NotFixable(`there is no object to add ${target.spelling.member(path)} to`);
    const name = target.spelling.member(path).split('.').pop()!;
    return [insertMember(target, parent, name, wanted)];
  }
  if ('replace' in fix) {
    const [path, values] = fix.replace;
    const { list, index } = listItemAt(target, client, path);
    const items = literalItems(target, list);
    const item = items[index]!;
    const edits: Edit[] = [{ start: item.span.start, end: item.span.end, text: scalar(target, values[0]!, textOf(target, item)) }];
    if (values.length > 1) edits.push(...insertAfter(target, list, index, values.slice(1)));
    return edits;
  }
  if ('remove' in fix) {
    const { list, index } = listItemAt(target, client, fix.remove);
    literalItems(target, list);
    return removeItem(target, list, index);
  }
  const [path, value] = fix.add;
  const found = lookup(client.properties, parsePath(path));
  if (!found || found.value.kind !== 'list') throw new NotFixable(`${target.spelling.member(path)} is not a written list`);
  const items = literalItems(target, found.value);
  if (items.length === 0) throw new NotFixable(`${target.spelling.member(path)} is empty: no item to copy the layout from`);
  return insertAfter(target, found.value, items.length - 1, [value]);
}

/** The member a fix changes: the list for an item's fix. */
function fixedMember(fix: Fix): string {
  const path = 'set' in fix ? fix.set[0] : 'replace' in fix ? fix.replace[0] : 'remove' in fix ? fix.remove : fix.add[0];
  return path.replace(/\[\d+\]$/, '');
}

/** Where the member a fix changes is written in one client variant: its spans, or `absent`. */
function touched(client: AppClient, fix: Fix): string {
  const found = lookup(client.properties, parsePath(fixedMember(fix)));
  if (!found) return 'absent';
  const spans = found.value.kind === 'list' ? found.value.items.map((item) => item.span) : [];
  return [found.value.span, ...spans].map((span) => `${span.start}-${span.end}`).join(',');
}

/** `ExplicitAuthFlows[1]` -> ['ExplicitAuthFlows', 1]; `TokenValidityUnits.AccessToken` -> two names. */
function parsePath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

function lookup(root: ObjectValue, segments: ReadonlyArray<string | number>): { value: Value; member?: Member } | undefined {
  let value: Value = root;
  let member: Member | undefined;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (value.kind !== 'list') return undefined;
      const item: Value | undefined = value.items[segment];
      if (!item) return undefined;
      value = item;
      member = undefined;
    } else {
      if (value.kind !== 'object') return undefined;
      member = value.members.get(segment);
      if (!member) return undefined;
      value = member.value;
      // A YAML alias: the value is the anchor's, written before the key; editing it would change every alias.
      if (value.span.file === member.keySpan.file && value.span.start < member.keySpan.start) throw new NotFixable('the value is written elsewhere (a YAML alias)');
    }
  }
  return member ? { value, member } : { value };
}

function listItemAt(target: Target, client: AppClient, path: string): { list: ListValue; index: number } {
  const segments = parsePath(path);
  const index = segments[segments.length - 1];
  const found = lookup(client.properties, segments.slice(0, -1));
  if (typeof index !== 'number' || !found || found.value.kind !== 'list' || !found.value.items[index]) throw new NotFixable(`${target.spelling.member(path)} is not a written list item`);
  return { list: found.value, index };
}

/** The value's own text, when it is written in this file where it is used. */
function textOf(target: Target, value: Value): string {
  if (value.origin) throw new NotFixable(`the value comes from the default of ${value.origin.owner}: change it there`);
  if (value.written || value.span.file !== target.file) throw new NotFixable('the value is written in another file');
  return target.text.slice(value.span.start, value.span.end);
}

/** The text of a scalar written as a literal (not a reference that resolves to it). */
function literalScalar(target: Target, value: Value): string {
  const text = textOf(target, value);
  if (value.kind !== 'scalar') throw new NotFixable('the value is not written as a literal');
  const unquoted = /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
  const same = unquoted === String(value.value) || (typeof value.value === 'boolean' && unquoted.toLowerCase() === String(value.value));
  if (!same || text.includes('\n')) throw new NotFixable('the value is not written as a literal');
  return text;
}

/** The items of a list written item by item, each a literal. */
function literalItems(target: Target, list: ListValue): Value[] {
  textOf(target, list);
  // Items written outside the list (a default's, an alias's) would change other clients too.
  if (list.items.some((item) => item.span.start < list.span.start || item.span.end > list.span.end)) throw new NotFixable('the list items are written elsewhere');
  for (const item of list.items) literalScalar(target, item);
  if (isBracketed(target, list)) checkBracketItems(target.text, list.span, list.items);
  else if (target.syntax === 'yaml') checkBlockItems(target.text, list.items);
  else throw new NotFixable('the list is not written as a literal');
  return list.items;
}

function isBracketed(target: Target, value: Value): boolean {
  return target.text[value.span.start] === '[' || target.text[value.span.start] === '{';
}

function scalar(target: Target, value: string, like: string | undefined): string {
  if (target.syntax === 'hcl') return hclScalar(value, like);
  if (target.syntax === 'json') return (value === 'true' || value === 'false') && !like?.startsWith('"') ? value : JSON.stringify(value);
  return yamlScalar(value, like);
}

function insertAfter(target: Target, list: ListValue, index: number, values: readonly string[]): Edit[] {
  const like = textOf(target, list.items[index]!);
  const rendered = values.map((value) => scalar(target, value, like));
  return isBracketed(target, list) ? insertAfterBracketItem(target.text, list.span.start, list.items, index, rendered) : [insertAfterBlockItem(target.text, list.items[index]!, rendered)];
}

function removeItem(target: Target, list: ListValue, index: number): Edit[] {
  return isBracketed(target, list) ? removeBracketItem(target.text, list.span.start, list.items, index) : [removeBlockItem(target.text, list.items[index]!)];
}

/** The list made equal to `wanted`: items replaced in place, extra ones removed or appended. */
function setList(target: Target, value: Value, wanted: readonly string[]): Edit[] {
  if (value.kind !== 'list') throw new NotFixable('the value is not written as a list');
  const items = literalItems(target, value);
  if (items.length === 0 || wanted.length === 0) throw new NotFixable('an empty list has no item to copy the layout from');
  const edits: Edit[] = [];
  const common = Math.min(items.length, wanted.length);
  for (let index = 0; index < common; index++) {
    const item = items[index]!;
    if (item.kind === 'scalar' && item.value === wanted[index]) continue;
    edits.push({ start: item.span.start, end: item.span.end, text: scalar(target, wanted[index]!, textOf(target, item)) });
  }
  for (let index = common; index < items.length; index++) edits.push(...removeItem(target, value, index));
  if (wanted.length > items.length) edits.push(...insertAfter(target, value, items.length - 1, wanted.slice(items.length)));
  return edits;
}

/** A new member after the client's last one, written as its neighbours are. */
function insertMember(target: Target, object: ObjectValue, name: string, wanted: string | readonly string[]): Edit {
  const members = [...object.members.values()]
    .filter((member) => member.keySpan.file === target.file && member.keySpan.start >= object.span.start && member.value.span.end <= object.span.end && !member.value.written)
    .sort((a, b) => a.keySpan.start - b.keySpan.start);
  const last = members[members.length - 1];
  if (!last) throw new NotFixable('the client has no member to copy the layout from');
  // Quoted as the neighbours' string values are.
  const like = members.map((member) => member.value).find((value) => value.kind === 'scalar' && typeof value.value === 'string' && !value.origin && value.span.file === target.file);
  const likeText = like ? target.text.slice(like.span.start, like.span.end) : undefined;
  const value = Array.isArray(wanted) ? `[${wanted.map((item) => scalar(target, item, likeText)).join(', ')}]` : scalar(target, wanted as string, likeText);
  if (target.syntax === 'json' || isBracketed(target, object)) return insertBracketMember(target.text, object.span, last, name, value);
  if (target.syntax === 'hcl') return insertHclAttribute(target.text, last, name, value);
  return insertBlockMember(target.text, last, name, value);
}
