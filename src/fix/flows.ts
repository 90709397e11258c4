// Whether a value a fix would edit also flows somewhere besides the client the finding is about. Editing
// such a value changes every other reader too: a YAML anchor used through aliases, a Terraform local
// read twice, a module argument the module also feeds into other resources or outputs. Each is refused
// with the reason in words (docs/design/fixes-and-remediations.md).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppClient, Member, Value } from '../model';
import type { SourceFile } from '../source';
import { hasAnyExtension } from '../formats/dialect';
import { TERRAFORM_EXTENSIONS } from '../load/terraform-names';
import { NotFixable } from './text';

/** `&name` right before a YAML node: on the same line, or at the end of the key's line for a block node. */
const ANCHOR_BEFORE = /&([^\s[\]{},]+)[ \t]*(?:#[^\n]*)?(?:\r?\n[ \t]*(?:-[ \t]+)?)?$/;
/** The name written right before a value: `name = ` (HCL) or `"name": ` (JSON). */
const ARGUMENT_BEFORE = /(?:^|[\s{,])"?([A-Za-z_][\w-]*)"?\s*[:=]\s*$/;

/**
 * Throws NotFixable when `value` (and, for a member, its key) is written where others read it too.
 * `yaml`: the file is YAML, whose anchors and aliases share a value; Terraform clients' values may be
 * locals or module arguments.
 */
export function checkWrittenOnlyForClient(file: SourceFile, client: AppClient, value: Value, member: Member | undefined, yaml: boolean): void {
  if (value.span.file !== file) return; // written in another file: textOf refuses it with its own reason
  const text = file.text;
  const line = (offset: number): number => file.positionAt(offset).line;
  const outside = (offset: number): boolean => offset < client.extent.start || offset >= client.extent.end;
  if (yaml) {
    const anchor = anchorBefore(text, value.span.start);
    // A member merged in from elsewhere (a YAML merge key) is written outside the client.
    if (member && member.keySpan.file === file && outside(member.keySpan.start)) throw new NotFixable(`the member is written outside the client (line ${line(member.keySpan.start)})`);
    if (outside(value.span.start)) {
      throw new NotFixable(anchor ? `the value is the YAML anchor &${anchor.name} (line ${line(anchor.at)}), reached here through an alias: changing it there would change every use` : `the value is written outside the client (line ${line(value.span.start)})`);
    }
    // The value itself, or one of its items (`- &flow ADMIN_NO_SRP_AUTH`), anchored and used through an alias.
    for (const node of [value, ...(value.kind === 'list' ? value.items : [])]) {
      const anchored = node === value ? anchor : anchorBefore(text, node.span.start);
      const alias = anchored && firstAlias(text, anchored.name);
      if (anchored && alias !== undefined) throw new NotFixable(`the value is the YAML anchor &${anchored.name}, also used through *${anchored.name} (line ${line(alias)}): changing it here would change it there too`);
    }
    return;
  }
  if (!client.kind.startsWith('terraform') || file.absolutePath === undefined) {
    if (outside(value.span.start)) throw new NotFixable(`the value is written outside the client (line ${line(value.span.start)})`);
    return;
  }
  const name = ARGUMENT_BEFORE.exec(text.slice(Math.max(0, value.span.start - 200), value.span.start))?.[1];
  if (outside(value.span.start)) {
    // Outside the resource block in its own file: a local (a variable's default has an origin instead).
    const readers = name === undefined ? [] : references(path.dirname(file.absolutePath), `local.${name}`);
    if (name === undefined || readers.length === 0) throw new NotFixable(`the value is written outside the client (line ${line(value.span.start)})`);
    if (readers.length > 1) throw new NotFixable(`the value is local.${name}, read in ${readers.length} places (${describe(readers, file)}): changing it would change them all`);
  }
  if (client.name.startsWith('module.') && !outside(value.span.start)) {
    // An argument of the module call: the module reads it as var.<name>, maybe in more than the client.
    const moduleFile = client.related?.[0]?.span.file.absolutePath;
    if (name === undefined || moduleFile === undefined) throw new NotFixable('the value is an argument of a module call whose module was not read');
    const readers = references(path.dirname(moduleFile), `var.${name}`);
    if (readers.length > 1) throw new NotFixable(`the value is the module argument ${name}, which the module reads as var.${name} in ${readers.length} places (${describe(readers, file)}): changing it would change them all`);
  }
}

function anchorBefore(text: string, start: number): { name: string; at: number } | undefined {
  const before = text.slice(Math.max(0, start - 300), start);
  const match = ANCHOR_BEFORE.exec(before);
  return match ? { name: match[1]!, at: start - before.length + match.index } : undefined;
}

function firstAlias(text: string, name: string): number | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\*${escaped}(?![^\\s[\\]{},])`).exec(text);
  return match?.index;
}

interface Reference {
  file: string;
  line: number;
}

/** Where `name` (`local.puee`, `var.puee`) is read in the Terraform files of a directory. */
function references(directory: string, name: string): Reference[] {
  const pattern = new RegExp(`\\b${name.replace('.', '\\.')}\\b`, 'g');
  const found: Reference[] = [];
  let entries: string[];
  try {
    entries = readdirSync(directory).filter((entry) => hasAnyExtension(entry, TERRAFORM_EXTENSIONS)).sort();
  } catch {
    return found;
  }
  for (const entry of entries) {
    let text: string;
    try {
      text = readFileSync(path.join(directory, entry), 'utf8');
    } catch {
      continue;
    }
    for (const match of text.matchAll(pattern)) found.push({ file: path.join(directory, entry), line: text.slice(0, match.index).split('\n').length });
  }
  return found;
}

/** `modules/client/main.tf lines 6, 8 and 14`: paths relative to the directory of the fixed file. */
function describe(readers: readonly Reference[], file: SourceFile): string {
  const base = path.dirname(file.absolutePath!);
  const byFile = new Map<string, number[]>();
  for (const reader of readers) byFile.set(reader.file, [...(byFile.get(reader.file) ?? []), reader.line]);
  return [...byFile]
    .map(([name, lines]) => `${path.relative(base, name).split(path.sep).join('/')} ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`)
    .join('; ');
}
