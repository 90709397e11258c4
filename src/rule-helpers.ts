// Readers that rules share: typed access to a normalized client with the API defaults applied.
// Every reader returns undefined (or skips an item) when the value is not known: rules stay silent there.
import { lookupTable } from './lookup';
import { kindInfo } from './formats';
import type { AppClient, Member, Value } from './model';

export interface Item<T> {
  value: T;
  node: Value;
  path: string;
}

export function member(client: AppClient, name: string): Member | undefined {
  return client.properties.members.get(name);
}

/** A nested member, e.g. nested(client, 'TokenValidityUnits', 'AccessToken'). */
export function nested(client: AppClient, name: string, child: string): Member | undefined {
  const parent = member(client, name)?.value;
  return parent?.kind === 'object' ? parent.members.get(child) : undefined;
}

export function knownBoolean(value: Value | undefined): boolean | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'boolean' ? value.value : undefined;
}

export function knownString(value: Value | undefined): string | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

export function knownNumber(value: Value | undefined): number | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : undefined;
}

/** The items of a list member, or undefined when the member is absent or the list itself is not known. */
export function listItems(client: AppClient, name: string): Array<Item<Value>> | undefined {
  const value = member(client, name)?.value;
  if (value?.kind !== 'list') return undefined;
  return value.items.map((node, index) => ({ value: node, node, path: `${name}[${index}]` }));
}

/** Known string items of a list member (unknown items skipped). */
export function stringItems(client: AppClient, name: string): Array<Item<string>> {
  const out: Array<Item<string>> = [];
  for (const item of listItems(client, name) ?? []) {
    const text = knownString(item.node);
    if (text !== undefined) out.push({ value: text, node: item.node, path: item.path });
  }
  return out;
}

/** True when the list is known completely: every item known (so "X is not in the list" is certain). */
export function listFullyKnown(client: AppClient, name: string): boolean {
  const items = listItems(client, name);
  return !!items && items.every((item) => knownString(item.node) !== undefined);
}

/** True when the member is absent, or a known empty list (the same thing to the API). */
export function isAbsentOrEmpty(client: AppClient, name: string): boolean {
  const value = member(client, name)?.value;
  return value === undefined || (value.kind === 'list' && value.items.length === 0);
}

/** True when the member is present with something in it (known or not). */
export function isSetNonEmpty(client: AppClient, name: string): boolean {
  const value = member(client, name)?.value;
  if (!value) return false;
  if (value.kind === 'list') return value.items.length > 0;
  if (value.kind === 'scalar') return value.value !== null && value.value !== '';
  return true;
}

export const REDIRECT_LISTS = ['CallbackURLs', 'LogoutURLs'] as const;

/** A redirect or logout URL: its full text when known, or the known beginning of it. */
export interface UrlItem {
  /** Known text: the whole URL, or only its beginning when `complete` is false. */
  text: string;
  complete: boolean;
  node: Value;
  path: string;
  member: 'CallbackURLs' | 'LogoutURLs' | 'DefaultRedirectURI';
}

/** Every CallbackURLs / LogoutURLs entry and the DefaultRedirectURI, known or partially known. */
export function redirectUrls(client: AppClient, includeDefault = true): UrlItem[] {
  const urls: UrlItem[] = [];
  const add = (node: Value, path: string, owner: UrlItem['member']): void => {
    if (node.kind === 'scalar' && typeof node.value === 'string') urls.push({ text: node.value, complete: true, node, path, member: owner });
    else if (node.kind === 'partial') urls.push({ text: node.prefix, complete: false, node, path, member: owner });
  };
  for (const name of REDIRECT_LISTS) {
    for (const item of listItems(client, name) ?? []) add(item.node, item.path, name);
  }
  const fallback = member(client, 'DefaultRedirectURI');
  if (includeDefault && fallback) add(fallback.value, 'DefaultRedirectURI', 'DefaultRedirectURI');
  return urls;
}

/** The default list when ExplicitAuthFlows is omitted (CreateUserPoolClient documentation). */
export const DEFAULT_EXPLICIT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];
export const LEGACY_AUTH_FLOWS = lookupTable({
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
});

/**
 * A member whose value is written right after its key (`key: [...]`, `key = [...]`, a YAML block), not
 * chosen by a conditional, each item a plain string literal where it stands.
 */
function isLiteralList(written: Member | undefined): boolean {
  if (!written) return false;
  const list = written.value;
  if (list.kind !== 'list' || list.origin !== undefined || list.written !== undefined) return false;
  const source = list.span.file.text;
  // Right after a key where it is written: the member's own key, or the module argument or object
  // attribute a Terraform module's client takes it from. Not an operand of a conditional or function.
  // A YAML anchor may sit between the key and the list (`Key: &flows [...]`).
  if (!/(?:^|[\s{,])["']?[A-Za-z_][\w.-]*["']?\s*[:=]\s*(?:&[^\s[\]{},]+\s+)?$/.test(source.slice(Math.max(0, list.span.start - 200), list.span.start))) return false;
  const text = source.slice(list.span.start, list.span.end);
  if (!/^\s*[-[]/.test(text) || /\bFn::If\b|!If\b/.test(text)) return false;
  return list.items.every((item) => {
    if (item.kind !== 'scalar' || typeof item.value !== 'string' || item.origin !== undefined || item.written !== undefined) return false;
    return item.span.file.text.slice(item.span.start, item.span.end).replace(/^["']|["']$/g, '') === item.value;
  });
}

/** What a list of legacy names allows without naming it: SRP and refresh-token sign-in (RULES.md). */
export const LEGACY_IMPLIED_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];

/**
 * The ALLOW_* list equivalent to a fully known ExplicitAuthFlows that holds legacy names, or undefined
 * when the list is not fully known. Legacy names become their ALLOW_* forms; a list of legacy names
 * only also gets the flows it allows implicitly (`[ADMIN_NO_SRP_AUTH]` is
 * `[ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]`). A list that mixes
 * both kinds is rejected by the service, so it never had the implicit flows: only its names change.
 * Only for a list written out as literals where it stands (the fix sets the member): not for a list
 * from a default, a Terraform local or conditional, or one with an `Fn::If` in it.
 */
export function allowFormOfFlows(client: AppClient): string[] | undefined {
  const flows = explicitAuthFlows(client);
  if (!flows || !flows.complete || !isLiteralList(member(client, 'ExplicitAuthFlows'))) return undefined;
  const values = flows.items.map((item) => item.value);
  // No list with a public source is equivalent to one holding CUSTOM_AUTH_FLOW_ONLY: whether legacy lists
  // kept SRP sign-in is undocumented, and either guess changes how users sign in (RULES.md).
  if (values.includes('CUSTOM_AUTH_FLOW_ONLY')) return undefined;
  const legacyOnly = values.every((value) => value in LEGACY_AUTH_FLOWS);
  const renamed = values.map((value) => LEGACY_AUTH_FLOWS[value] ?? value);
  return [...new Set(legacyOnly ? [...renamed, ...LEGACY_IMPLIED_FLOWS] : renamed)];
}

/**
 * ExplicitAuthFlows as the service will hold them: the written items, or the documented default when
 * the member is absent (`defaulted` true, items point at the client). Undefined when not known.
 */
export function explicitAuthFlows(client: AppClient): { defaulted: boolean; items: Array<Item<string>>; complete: boolean } | undefined {
  const written = member(client, 'ExplicitAuthFlows');
  // Describe output leaves the member out when the client has no flows: nothing is defaulted there.
  if (!written) return { defaulted: kindInfo(client.kind).absentMeansDefault !== false, items: [], complete: true };
  const items = listItems(client, 'ExplicitAuthFlows');
  if (!items) return undefined;
  return { defaulted: false, items: stringItems(client, 'ExplicitAuthFlows'), complete: listFullyKnown(client, 'ExplicitAuthFlows') };
}

/** Whether the client has (or will have) a secret: true, false, or undefined when it cannot be known. */
export function hasClientSecret(client: AppClient): boolean | undefined {
  const shows = kindInfo(client.kind).secret ?? 'requested';
  if (shows === 'fixed') return undefined; // an update request cannot change it
  if (shows === 'described') return member(client, 'ClientSecret') ? true : undefined;
  const generate = member(client, 'GenerateSecret');
  const custom = member(client, 'ClientSecret');
  if (custom) return custom.value.kind === 'scalar' ? true : undefined;
  if (!generate) return false; // GenerateSecret defaults to false
  return knownBoolean(generate.value);
}

// ---- Durations -------------------------------------------------------------------------------------

export type TimeUnit = 'seconds' | 'minutes' | 'hours' | 'days';
export const SECONDS_PER_UNIT: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export const TOKEN_KINDS = [
  { member: 'AccessTokenValidity', unitKey: 'AccessToken', label: 'access token', defaultUnit: 'hours', defaultValue: 1 },
  { member: 'IdTokenValidity', unitKey: 'IdToken', label: 'ID token', defaultUnit: 'hours', defaultValue: 1 },
  { member: 'RefreshTokenValidity', unitKey: 'RefreshToken', label: 'refresh token', defaultUnit: 'days', defaultValue: 30 },
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface TokenDuration {
  kind: TokenKind;
  /** Seconds; from the written value, or the API default when the member is absent. */
  seconds: number;
  amount: number;
  unit: TimeUnit;
  /** The validity value node, undefined when the API default applies. */
  node: Value | undefined;
  unitNode: Value | undefined;
}

/** A token's validity as a duration; undefined when its value or unit is not known. */
export function tokenDuration(client: AppClient, kind: TokenKind): TokenDuration | undefined {
  const valueMember = member(client, kind.member);
  const unitMember = nested(client, 'TokenValidityUnits', kind.unitKey);
  const unitsObject = member(client, 'TokenValidityUnits');
  if (unitsObject && unitsObject.value.kind !== 'object') return undefined; // units not known
  let unit: TimeUnit = kind.defaultUnit;
  if (unitMember) {
    const written = knownString(unitMember.value);
    if (written === undefined || !(written in SECONDS_PER_UNIT)) return undefined;
    unit = written as TimeUnit;
  }
  if (!valueMember) {
    // Absent value: the API default (1 hour / 30 days) applies, whatever the unit.
    return { kind, seconds: kind.defaultValue * SECONDS_PER_UNIT[kind.defaultUnit], amount: kind.defaultValue, unit: kind.defaultUnit, node: undefined, unitNode: unitMember?.value };
  }
  const amount = knownNumber(valueMember.value);
  if (amount === undefined) return undefined;
  return { kind, seconds: amount * SECONDS_PER_UNIT[unit], amount, unit, node: valueMember.value, unitNode: unitMember?.value };
}

/** "48 hours", "1 day", "90 minutes". */
export function formatAmount(amount: number, unit: TimeUnit): string {
  const singular = unit.slice(0, -1);
  return `${amount} ${amount === 1 ? singular : unit}`;
}

/** Seconds as the largest whole unit: 86400 -> "1 day", 5400 -> "90 minutes". */
export function formatSeconds(seconds: number): string {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    const size = SECONDS_PER_UNIT[unit];
    if (seconds >= size && seconds % size === 0) return formatAmount(seconds / size, unit);
  }
  return formatAmount(seconds, 'seconds');
}

/** Parses a duration option such as "1h", "30d", "90m", "3600s". */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+)\s*([smhd])\s*$/.exec(text);
  if (!match) return undefined;
  const size = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * size;
}
