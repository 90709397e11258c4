import { defineRule } from '../src/rule';
import { stringItems } from '../src/rule-helpers';
import { missingSecret } from '../src/rules-support/secrets';

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
        '{{member:AllowedOAuthFlows}} has client_credentials but the client has no secret ({{secret}}){{because}}; the client credentials grant authenticates with the client secret. Set {{set:GenerateSecret=true}} (CloudFormation and Terraform replace an existing client to change it).',
    },
  },
  checkClient({ client, report }) {
    const flow = stringItems(client, 'AllowedOAuthFlows').find((item) => item.value === 'client_credentials');
    if (!flow) return;
    const secret = missingSecret(client);
    if (!secret) return;
    report({ messageId: 'noSecret', data: { secret: secret.text }, at: flow.node, path: flow.path, because: secret.because });
  },
});
