// Whether a client has a secret, and how a message describes a value a finding rests on.
import type { AppClient, Value } from '../model';
import type { Because } from '../rule';
import { hasClientSecret, member } from '../rule-helpers';
import { memberName, phrase, type MessageValue } from '../message';

/** A value a finding rests on without being its location: its description, and the value for Report.because. */
export interface Supporting {
  /** Text for the message, e.g. `GenerateSecret is false`. */
  text: MessageValue;
  /** For Report.because: a related location at the value, and the default it comes from, if any. */
  because: Because[];
}

/** Describes a value other than the reported one that a finding rests on, e.g. `GenerateSecret is false`. */
export function supporting(value: Value, what: MessageValue, description: MessageValue, label: string): Supporting {
  return { text: description, because: [{ value, what, label }] };
}

/**
 * Why the client is certain to have no secret, or undefined when it has one or it cannot be known
 * (update requests, Describe output without ClientSecret, unknown GenerateSecret).
 */
export function missingSecret(client: AppClient): Supporting | undefined {
  if (hasClientSecret(client) !== false) return undefined;
  const generate = member(client, 'GenerateSecret');
  if (!generate) return { text: phrase`${memberName('GenerateSecret')} is not set and defaults to false`, because: [] };
  return supporting(generate.value, memberName('GenerateSecret'), phrase`${memberName('GenerateSecret')} is false`, 'GenerateSecret is false here');
}

/** The API's pattern for ClientSecretType: a real secret matches it, a reference or template does not. */
const SECRET_PATTERN = /^[\w+]+$/;
/** Words that stand-in values are made of (`YOUR_CLIENT_SECRET_HERE`, `changeme`, `EXAMPLEsecret12`); separators go with them. */
const PLACEHOLDER_WORDS = /secret|placeholder|change_?me|redacted|example|dummy|sample|replace|your|client|here|value|todo|fake|test|this|my|is|xxx+|abcdef|123456|[_+-]/gi;
/** What is left of a stand-in once its words are gone: a few characters, or a few kinds of character. */
const MIN_REMAINDER_LENGTH = 12;
const MIN_DISTINCT_CHARACTERS = 11;
/** A remainder that is mostly a run such as `1234567890abcdefghij` was typed, not generated. */
const MAX_RUN_SHARE = 0.5;

/**
 * Whether a written ClientSecret is a stand-in rather than a credential. The whole value is judged, not
 * a word inside it: a generated secret can contain `fake` or `abcdef` by chance (docs/design/placeholder-secrets.md).
 * A stand-in is a reference or template the deploy tool fills in (`${var.x}`, `{{resolve:...}}`,
 * `<secret>`: none matches the API pattern), one character repeated, or a value that, once its
 * placeholder words are removed, leaves too little, too few distinct characters, or mostly a run.
 */
export function isPlaceholderSecret(text: string): boolean {
  if (!SECRET_PATTERN.test(text) || /^(.)\1*$/s.test(text)) return true;
  const rest = text.replace(PLACEHOLDER_WORDS, '');
  return rest.length < MIN_REMAINDER_LENGTH || new Set(rest.toLowerCase()).size < MIN_DISTINCT_CHARACTERS || runShare(rest.toLowerCase()) >= MAX_RUN_SHARE;
}

/** The share of neighbouring characters that step by one (`ab`, `34`): near 1/36 in a random value. */
function runShare(text: string): number {
  if (text.length < 2) return 1;
  let steps = 0;
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) - text.charCodeAt(i - 1) === 1) steps++;
  return steps / (text.length - 1);
}
