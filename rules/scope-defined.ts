import { defineRule } from '../src/rule';
import { stringItems } from '../src/rule-helpers';

/** How many defined scopes a message lists before it says "and N more". */
const LISTED_SCOPES = 8;

export default defineRule({
  meta: {
    id: 'scope-defined',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'OAuth scope not defined by a resource server',
    description: 'Every custom scope (identifier/name) in AllowedOAuthScopes is defined by a resource server of the same user pool in the file.',
    rationale:
      'A custom scope is defined by a user pool resource server (AWS::Cognito::UserPoolResourceServer, aws_cognito_resource_server): identifier plus scope name. CreateUserPoolClient and UpdateUserPoolClient fail with ScopeDoesNotExistException when a scope is not defined in the pool, which in CloudFormation fails the stack. Checked only when the file defines resource servers for the client\'s pool and all their scopes are known.',
    precision: 'high',
    messages: {
      undefinedScope:
        '{{member:AllowedOAuthScopes}} has "{{scope}}", which no resource server of this user pool in the file defines ({{defined}}); Cognito rejects it with ScopeDoesNotExistException. Add the scope to the resource server\'s Scopes, or correct the name.',
    },
  },
  checkClient({ client, report }) {
    if (!client.resourceServers || client.userPoolKey === undefined) return;
    const servers = client.resourceServers.filter((server) => server.userPoolKey === client.userPoolKey);
    // Without a server for this pool, the scopes may come from elsewhere; with an unknown one, anything may be defined.
    if (servers.length === 0 || servers.some((server) => server.scopes === undefined)) return;
    const known = new Set(servers.flatMap((server) => server.scopes ?? []));
    const defined = [...known];
    const listed =
      defined.length === 0
        ? 'its resource servers define no scopes'
        : `defined: ${defined.slice(0, LISTED_SCOPES).join(', ')}${defined.length > LISTED_SCOPES ? ` and ${defined.length - LISTED_SCOPES} more` : ''}`;
    for (const item of stringItems(client, 'AllowedOAuthScopes')) {
      if (!item.value.includes('/') || known.has(item.value)) continue;
      report({ messageId: 'undefinedScope', data: { scope: item.value, defined: listed }, at: item.node, path: item.path });
    }
  },
});
