// Whether a client has a secret, and how a message describes a value a finding rests on.
import type { AppClient, Value } from '../model';
import type { Span } from '../source';
import { hasClientSecret, member } from '../rule-helpers';
import { memberName, phrase, type MessageValue } from '../message';

/** A value a finding rests on without being its location: a related location, and a note when it comes from a default. */
export interface Supporting {
  /** Text for the message: the value's description plus, for a default, where the default is. */
  text: MessageValue;
  related: Array<{ span: Span; message: string }>;
}

/**
 * Describes a value other than the reported one that a finding rests on, e.g. `GenerateSecret is false`.
 * When the value is known only from a Parameter/variable default the text says so and a related
 * location points at the default (the evaluator does this only for the reported value itself).
 */
export function supporting(value: Value, description: MessageValue, label: string): Supporting {
  const related = [{ span: value.span, message: label }];
  if (!value.origin) return { text: description, related };
  related.push({ span: value.origin.span, message: `default of ${value.origin.owner}` });
  return { text: phrase`${description}, from the default of ${value.origin.owner}`, related };
}

/**
 * Why the client is certain to have no secret, or undefined when it has one or it cannot be known
 * (update requests, Describe output without ClientSecret, unknown GenerateSecret).
 */
export function missingSecret(client: AppClient): Supporting | undefined {
  if (hasClientSecret(client) !== false) return undefined;
  const generate = member(client, 'GenerateSecret');
  if (!generate) return { text: phrase`${memberName('GenerateSecret')} is not set and defaults to false`, related: [] };
  return supporting(generate.value, phrase`${memberName('GenerateSecret')} is false`, 'GenerateSecret is false here');
}
