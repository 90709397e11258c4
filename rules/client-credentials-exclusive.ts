import { defineRule } from '../src/rule';
import { stringItems } from '../src/rule-helpers';
import { quoteList } from '../src/rules-support/lists';

export default defineRule({
  meta: {
    id: 'client-credentials-exclusive',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'client_credentials combined with other OAuth flows',
    description: 'When AllowedOAuthFlows contains client_credentials, it is the only value.',
    rationale:
      'The AllowedOAuthFlows documentation requires client_credentials to be the only flow of a client: a machine-to-machine client cannot also serve the user-facing code or implicit grants, and Cognito rejects the combination (CDK refuses it at synth time).',
    precision: 'very-high',
    messages: {
      combined:
        '{{member:AllowedOAuthFlows}} combines client_credentials with {{others}}; client_credentials must be the only flow of a client. Move {{others}} to a separate app client, or remove client_credentials.',
    },
  },
  checkClient({ client, report }) {
    const flows = stringItems(client, 'AllowedOAuthFlows');
    const credentials = flows.find((item) => item.value === 'client_credentials');
    if (!credentials) return;
    const others = [...new Set(flows.map((item) => item.value).filter((value) => value !== 'client_credentials'))];
    if (others.length === 0) return;
    report({ messageId: 'combined', data: { others: quoteList(others) }, at: credentials.node, path: credentials.path });
  },
});
