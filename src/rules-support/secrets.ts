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
/** Words that mark a stand-in value (`YOUR_CLIENT_SECRET`, `changeme`, `REDACTED`, `xxxxxxxx`). */
const PLACEHOLDER_WORDS = /secret|placeholder|change_?me|redacted|example|dummy|sample|replace|your|todo|fake|xxx|123456|abcdef/i;

/**
 * Whether a written ClientSecret is a stand-in rather than a credential: a reference or template the
 * deploy tool fills in (`${var.x}`, `{{resolve:secretsmanager:...}}`, `<secret>`: none matches the API
 * pattern), one character repeated, or a placeholder word.
 */
export function isPlaceholderSecret(text: string): boolean {
  return !SECRET_PATTERN.test(text) || /^(.)\1*$/s.test(text) || PLACEHOLDER_WORDS.test(text);
}
