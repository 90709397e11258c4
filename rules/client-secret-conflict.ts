import { defineRule } from '../src/rule';
import type { ClientKind } from '../src/model';
import { memberName } from '../src/message';
import { kindInfo } from '../src/formats';
import { knownBoolean, member } from '../src/rule-helpers';

/**
 * Whether the kind's schema has both GenerateSecret and ClientSecret: only a CreateUserPoolClient request
 * does. CloudFormation and Terraform have no ClientSecret argument (their `client_secret`/`GetAtt
 * ClientSecret` are read-only), an update request has neither, Describe output has no GenerateSecret.
 */
const CARRIES_BOTH = new Map<ClientKind, boolean>();
function carriesBoth(kind: ClientKind): boolean {
  let both = CARRIES_BOTH.get(kind);
  if (both === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require(`../schemas/${kindInfo(kind).schemaId}.json`) as { properties: Record<string, unknown> };
    both = 'GenerateSecret' in schema.properties && 'ClientSecret' in schema.properties;
    CARRIES_BOTH.set(kind, both);
  }
  return both;
}

export default defineRule({
  meta: {
    id: 'client-secret-conflict',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'ClientSecret given while GenerateSecret is true',
    description: 'A CreateUserPoolClient request gives either GenerateSecret true or a ClientSecret value, not both.',
    rationale:
      'CreateUserPoolClient takes a secret in one of two ways: GenerateSecret true lets Cognito generate it, ClientSecret supplies your own. The ClientSecret reference says: "You cannot specify both GenerateSecret as true and provide a ClientSecret value."',
    precision: 'very-high',
    messages: {
      both:
        '{{member:ClientSecret}} is given while {{member:GenerateSecret}} is true{{because}}; the CreateUserPoolClient reference says you cannot specify both GenerateSecret true and a ClientSecret value. Remove {{member:GenerateSecret}} to keep this secret, or remove {{member:ClientSecret}} to let Cognito generate one.',
    },
  },
  checkClient({ client, report }) {
    if (!carriesBoth(client.kind)) return;
    const secret = member(client, 'ClientSecret');
    const generate = member(client, 'GenerateSecret');
    if (!secret || !generate || knownBoolean(generate.value) !== true) return;
    report({
      messageId: 'both',
      at: secret.value,
      path: 'ClientSecret',
      because: [{ value: generate.value, what: memberName('GenerateSecret'), label: 'GenerateSecret is true here' }],
    });
  },
});
