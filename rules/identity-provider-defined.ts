import { defineRule } from '../src/rule';
import { stringItems } from '../src/rule-helpers';
import { closestName } from '../src/text';

/** The user pool directory itself: always there, defined by no resource. */
const COGNITO = 'COGNITO';

export default defineRule({
  meta: {
    id: 'identity-provider-defined',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Identity provider the user pool does not define',
    description:
      'Every SupportedIdentityProviders entry other than COGNITO names an identity provider that the file defines for the client\'s user pool (AWS::Cognito::UserPoolIdentityProvider, aws_cognito_identity_provider).',
    rationale:
      'CreateUserPoolClient and UpdateUserPoolClient fail with InvalidParameterException ("The provider X does not exist for User Pool Y") when SupportedIdentityProviders names a provider the pool does not have, which fails the stack deployment or the Terraform apply. Checked only when the client is tied to a user pool defined in the same template or module and the file defines identity providers for that pool, all with known names; an entry written as a reference to a provider (Ref, a Terraform reference) is its ProviderName.',
    precision: 'high',
    messages: {
      undefinedProvider:
        '{{member:SupportedIdentityProviders}} has "{{provider}}", which is not an identity provider of user pool {{pool}} in this file ({{defined}}); CreateUserPoolClient fails with InvalidParameterException "The provider {{provider}} does not exist". {{suggestion}}',
    },
  },
  checkClient(context) {
    const { client, report } = context;
    const named = stringItems(client, 'SupportedIdentityProviders').filter((item) => item.value !== COGNITO);
    if (named.length === 0) return;
    // Read only now: in Terraform the pool's resources may be in the module's other files.
    const pool = context.pool;
    if (!pool?.userPool) return;
    const providers = pool.identityProviders;
    // No provider for this pool here: they may be added elsewhere. One not known: anything may be defined.
    if (providers.length === 0 || providers.some((provider) => provider.name === undefined)) return;
    const defined = [...new Set(providers.map((provider) => provider.name!))];
    for (const item of named) {
      if (defined.includes(item.value)) continue;
      const closest = closestName(item.value, [...defined, COGNITO]);
      const suggestion = closest ? `Did you mean "${closest}"?` : 'Correct the name, or define the identity provider for this pool.';
      report({ messageId: 'undefinedProvider', data: { provider: item.value, pool: pool.userPool.name, defined: `defined: ${defined.join(', ')}`, suggestion }, at: item.node, path: item.path });
    }
  },
});
