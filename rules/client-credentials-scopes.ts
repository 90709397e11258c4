import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { stringItems } from '../src/rule-helpers';
import { STANDARD_SCOPES, isMachineClient } from '../src/rules-support/oauth';

export default defineRule({
  meta: {
    id: 'client-credentials-scopes',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Standard scope on a client_credentials client',
    description: 'A client whose AllowedOAuthFlows has client_credentials lists no standard scope (openid, email, phone, profile, aws.cognito.signin.user.admin).',
    rationale:
      'The client credentials grant issues access tokens for resource-server (custom) scopes only: there is no user for openid, email, phone, profile or aws.cognito.signin.user.admin to describe. Cognito rejects a client that combines them with InvalidOAuthFlowException ("openid is not supported with client_credentials flow").',
    precision: 'very-high',
    messages: {
      standardScope:
        '{{member:AllowedOAuthScopes}} lists the standard scope {{scope}} on a client_credentials client{{because}}; the client credentials grant takes only resource-server scopes (identifier/name), and Cognito rejects the client with InvalidOAuthFlowException. Remove {{scope}}, or move it to a separate user-facing app client.',
    },
  },
  checkClient({ client, report }) {
    const flows = stringItems(client, 'AllowedOAuthFlows');
    const credentials = flows.find((item) => item.value === 'client_credentials');
    if (!credentials) return;
    // Removing the scope is the repair only for a pure machine client; combined with code or implicit
    // (client-credentials-exclusive), the other flows may be the ones to move away.
    const machineOnly = isMachineClient(client);
    for (const scope of stringItems(client, 'AllowedOAuthScopes')) {
      if (!STANDARD_SCOPES.includes(scope.value)) continue;
      report({
        messageId: 'standardScope',
        data: { scope: scope.value },
        at: scope.node,
        path: scope.path,
        because: [{ value: credentials.node, what: memberName('AllowedOAuthFlows'), label: 'client_credentials here' }],
        ...(machineOnly ? { fix: { remove: scope.path } } : {}),
      });
    }
  },
});
