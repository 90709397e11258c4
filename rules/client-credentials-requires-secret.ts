import { defineRule } from '../src/rule';
import { memberName, phrase, type MessageValue } from '../src/message';
import type { AppClient, Value } from '../src/model';
import type { Span } from '../src/source';
import { hasClientSecret, member, stringItems } from '../src/rule-helpers';

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

export default defineRule({
  meta: {
    id: 'client-credentials-requires-secret',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'client_credentials flow without a client secret',
    description: 'An app client that allows the client_credentials OAuth flow has a client secret (GenerateSecret: true).',
    rationale:
      'The client credentials grant authenticates the app client with its client id and client secret; Cognito rejects client_credentials on a client without a secret. GenerateSecret defaults to false, so it must be set to true when the client is created (a secret cannot be added by UpdateUserPoolClient).',
    precision: 'very-high',
    messages: {
      noSecret:
        '{{member:AllowedOAuthFlows}} has client_credentials but the client has no secret ({{secret}}); the client credentials grant authenticates with the client secret. Set {{set:GenerateSecret=true}} (a new client is needed when it already exists).',
    },
  },
  checkClient({ client, report }) {
    const flow = stringItems(client, 'AllowedOAuthFlows').find((item) => item.value === 'client_credentials');
    if (!flow) return;
    const secret = missingSecret(client);
    if (!secret) return;
    report({ messageId: 'noSecret', data: { secret: secret.text }, at: flow.node, path: flow.path, related: secret.related });
  },
});
