// Messages with typed slots. Rules speak the API's member names; each source spells them its own way
// (Terraform writes `callback_urls`, `prevent_user_existence_errors = "ENABLED"`). Names are marked
// where they are written, in templates and in the phrases rules build, and rendered once per source:
// nothing ever rewrites rendered text, which holds user data (a URL may contain `CallbackURLs: yes`).
//
// In a rule's message template:
//   {{member:CallbackURLs}}               the member's name, as the source spells it
//   {{set:PreventUserExistenceErrors=ENABLED}}  how the source writes that assignment
//   {{unset:PreventUserExistenceErrors=LEGACY}} what leaving the member out means in that source
//   {{orRemove:EnableTokenRevocation=true}} `, or remove it (the default is true)` where removing
//                                         restores the default; nothing where it does not (Terraform)
//   {{fix}}                               the report's fix, in the source's syntax
//   {{field}}                             a value from the report's data

/** How a source spells API member paths and assignments. */
export interface Spelling {
  /** `CallbackURLs[2]` -> `callback_urls[2]` in Terraform; unchanged for API-shaped sources. */
  member(path: string): string;
  /** `PreventUserExistenceErrors: ENABLED` (YAML, JSON, API) or `prevent_user_existence_errors = "ENABLED"` (HCL). */
  assignment(path: string, value: string): string;
  /**
   * What a member left out of this source means, as a clause: `PreventUserExistenceErrors is not set, so
   * Cognito uses LEGACY`. `apiDefault` is the API's default (what a new client gets).
   */
  unset(path: string, apiDefault: string): string;
  /**
   * Whether removing a member from the source gives the client the API default. True where the deploy
   * tool sends the whole client (a request, CloudFormation's UpdateUserPoolClient call); false in
   * Terraform, whose provider keeps an existing client's value for an omitted optional+computed argument.
   */
  removalRestoresDefault: boolean;
}

/** `X is not set, so Cognito uses V`: a request or template without the member gets the API default. */
function apiUnset(name: string, apiDefault: string): string {
  return `${name} is not set, so Cognito uses ${apiDefault}`;
}

/** CloudFormation, SAM, CDK, Serverless and API files use the API's own names. */
export const API_SPELLING: Spelling = {
  member: (path) => path,
  assignment: (path, value) => `${path}: ${value}`,
  unset: apiUnset,
  removalRestoresDefault: true,
};

/**
 * Terraform's wording for an omitted argument: the provider's optional+computed arguments keep an
 * existing client's current value, and only a new client gets the API default (docs/design/terraform-omitted-arguments.md).
 */
export function terraformUnset(name: string, apiDefault: string): string {
  return `${name} is not set here: a new client gets ${apiDefault}, an existing one keeps its current value`;
}

/**
 * A spelling from a map of API member paths (`CallbackURLs`, `TokenValidityUnits.AccessToken`) to the
 * source's names: `CallbackURLs[2]` -> `callback_urls[2]`, `TokenValidityUnits.AccessToken` ->
 * `token_validity_units.access_token`. Parts not in the map are kept as written.
 */
export function mappedSpelling(
  names: ReadonlyMap<string, string>,
  assignment: (name: string, value: string) => string,
  omitted: { unset: (name: string, apiDefault: string) => string; removalRestoresDefault: boolean } = { unset: apiUnset, removalRestoresDefault: true },
): Spelling {
  const member = (path: string): string => {
    const match = /^([^.[]+)((?:\[\d+\])*)(?:\.([^.[]+))?(.*)$/s.exec(path);
    if (!match) return path;
    const [, top, indexes, child, rest] = match as unknown as [string, string, string, string | undefined, string];
    let out = (names.get(top) ?? top) + indexes;
    if (child !== undefined) {
      const spelled = names.get(`${top}.${child}`);
      out += '.' + (spelled ? spelled.slice(spelled.lastIndexOf('.') + 1) : child);
    }
    return out + rest;
  };
  return {
    member,
    assignment: (path, value) => assignment(member(path), value),
    unset: (path, apiDefault) => omitted.unset(member(path), apiDefault),
    removalRestoresDefault: omitted.removalRestoresDefault,
  };
}

/**
 * The repair a finding proposes, in API terms (member paths as in `Report.path`); the evaluate stage
 * renders it in the source's syntax for messages (`{{fix}}`), and `--fix` turns it into an edit.
 *   set      the member gets this value (inserted when it is absent); a list is written as JSON: `["A", "B"]`
 *   replace  the list item at the path becomes these values
 *   remove   the list item at the path goes
 *   add      the list member at the path gets this value appended
 */
export type Fix = { set: [path: string, value: string] } | { replace: [path: string, values: string[]] } | { remove: string } | { add: [path: string, value: string] };

/** A fix as a message says it: `PreventUserExistenceErrors: ENABLED`, `prevent_user_existence_errors = "ENABLED"`. */
export function renderFix(fix: Fix, spelling: Spelling): string {
  if ('set' in fix) return spelling.assignment(fix.set[0], fix.set[1]);
  if ('replace' in fix) return `${spelling.member(fix.replace[0])} = ${fix.replace[1].map((value) => `"${value}"`).join(', ')}`;
  if ('add' in fix) return `add "${fix.add[1]}" to ${spelling.member(fix.add[0])}`;
  return `remove ${spelling.member(fix.remove)}`;
}

/** A member path inside report data or a phrase: spelled by the source, never taken as text. */
export interface MemberName {
  readonly member: string;
}

/** Text a rule builds from words, values and member names: only the member names are respelled. */
export interface Phrase {
  readonly parts: ReadonlyArray<MessageValue>;
}

/**
 * A member that is left out, said the source's way (Spelling.unset): `clause` is the whole clause,
 * `orRemove` the `, or remove X (the default is V)` advice, empty where removing keeps the old value.
 */
export interface Omission {
  readonly omitted: string;
  readonly apiDefault: string;
  readonly form: 'clause' | 'orRemove';
}

export type MessageValue = string | number | MemberName | Phrase | Omission;

export function memberName(path: string): MemberName {
  return { member: path };
}

/** `X is not set, so Cognito uses V` (Terraform: `x is not set here: a new client gets V, an existing one keeps its current value`). */
export function unsetMember(path: string, apiDefault: string): Omission {
  return { omitted: path, apiDefault, form: 'clause' };
}

/** `, or remove X (the default is V)`, or nothing where removing the member keeps an existing client's value. */
export function orRemoveMember(path: string, apiDefault: string): Omission {
  return { omitted: path, apiDefault, form: 'orRemove' };
}

function renderOmission(omission: Omission, spelling: Spelling): string {
  if (omission.form === 'clause') return spelling.unset(omission.omitted, omission.apiDefault);
  return spelling.removalRestoresDefault ? `, or remove ${spelling.member(omission.omitted)} (the default is ${omission.apiDefault})` : '';
}

/** phrase`${memberName('GenerateSecret')} is not set` */
export function phrase(strings: TemplateStringsArray, ...values: MessageValue[]): Phrase {
  const parts: MessageValue[] = [];
  strings.forEach((text, index) => {
    if (text !== '') parts.push(text);
    if (index < values.length) parts.push(values[index]!);
  });
  return { parts };
}

/** Values one after another, e.g. several notes. */
export function concat(...values: MessageValue[]): Phrase {
  return { parts: values };
}

export function renderValue(value: MessageValue, spelling: Spelling): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('member' in value) return spelling.member(value.member);
  if ('omitted' in value) return renderOmission(value, spelling);
  return value.parts.map((part) => renderValue(part, spelling)).join('');
}

/** The slots of a template (the rule's own text, never user data). */
const SLOT = /\{\{\s*(?:(member|set|unset|orRemove):([A-Za-z0-9_.[\]]+)(?:=([^}]*))?|(\w+))\s*\}\}/g;

/** Renders a template: member, assignment and fix slots in the source's spelling, data slots as given. */
export function renderTemplate(template: string, data: Readonly<Record<string, MessageValue>> | undefined, spelling: Spelling, fix?: Fix): string {
  return template.replace(SLOT, (whole, kind: string | undefined, path: string | undefined, value: string | undefined, field: string | undefined) => {
    if (kind === 'member') return spelling.member(path!);
    if (kind === 'set') return spelling.assignment(path!, value ?? '');
    if (kind === 'unset') return renderOmission(unsetMember(path!, value ?? ''), spelling);
    if (kind === 'orRemove') return renderOmission(orRemoveMember(path!, value ?? ''), spelling);
    if (field === 'fix' && fix) return renderFix(fix, spelling);
    const data_ = data?.[field!];
    return data_ === undefined ? whole : renderValue(data_, spelling);
  });
}
