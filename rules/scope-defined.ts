import { defineRule, type PoolContext } from '../src/rule';
import { stringItems } from '../src/rule-helpers';
import { closestName } from '../src/text';
import { STANDARD_SCOPES } from '../src/rules-support/oauth';

/** How many defined scopes a message lists before it says "and N more". */
const LISTED_SCOPES = 8;

/** The custom scopes the file's resource servers of the client's pool define; undefined when that is not known. */
function definedScopes(pool: PoolContext | undefined): string[] | undefined {
  const servers = pool?.resourceServers ?? [];
  // Without a server for this pool, the scopes may come from elsewhere; with an unknown one, anything may be defined.
  if (servers.length === 0 || servers.some((server) => server.scopes === undefined)) return undefined;
  return [...new Set(servers.flatMap((server) => server.scopes ?? []))];
}

export default defineRule({
  meta: {
    id: 'scope-defined',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'OAuth scope that does not exist',
    description:
      'Every AllowedOAuthScopes entry exists: a scope without "/" is a standard scope (openid, email, phone, profile, aws.cognito.signin.user.admin), and a custom scope (identifier/name) is defined by a resource server of the same user pool in the file.',
    rationale:
      'CreateUserPoolClient and UpdateUserPoolClient fail with ScopeDoesNotExistException when a scope does not exist in the pool, which in CloudFormation or Terraform fails the deployment. Cognito defines five standard scopes itself; every other scope is identifier/name of a user pool resource server (AWS::Cognito::UserPoolResourceServer, aws_cognito_resource_server). Custom scopes are checked only when the file defines resource servers for the client\'s pool and all their scopes are known; an identifier written as a reference to such a server (Ref, Fn::Sub, Fn::Join, a Terraform reference) is resolved.',
    precision: 'high',
    messages: {
      undefinedScope:
        '{{member:AllowedOAuthScopes}} has "{{scope}}", which no resource server of this user pool in the file defines ({{defined}}); Cognito rejects it with ScopeDoesNotExistException. Add the scope to the resource server\'s Scopes, or correct the name.',
      unknownStandard:
        '{{member:AllowedOAuthScopes}} has "{{scope}}", which is not a standard scope ({{standard}}) and has no "/" of a resource-server scope (identifier/name); Cognito rejects it with ScopeDoesNotExistException. {{suggestion}}',
    },
  },
  checkClient(context) {
    const { client, report } = context;
    const scopes = stringItems(client, 'AllowedOAuthScopes');
    for (const item of scopes) {
      if (item.value.includes('/') || STANDARD_SCOPES.includes(item.value)) continue;
      const closest = closestName(item.value.toLowerCase(), STANDARD_SCOPES);
      const suggestion = closest ? `Did you mean "${closest}"?` : 'Use a standard scope, or identifier/name of a resource server scope.';
      report({ messageId: 'unknownStandard', data: { scope: item.value, standard: STANDARD_SCOPES.join(', '), suggestion }, at: item.node, path: item.path });
    }
    // Only a custom scope needs the pool's resource servers (in Terraform, reading the module's other files).
    if (!scopes.some((item) => item.value.includes('/'))) return;
    const defined = definedScopes(context.pool);
    if (!defined) return;
    const known = new Set(defined);
    const listed =
      defined.length === 0
        ? 'its resource servers define no scopes'
        : `defined: ${defined.slice(0, LISTED_SCOPES).join(', ')}${defined.length > LISTED_SCOPES ? ` and ${defined.length - LISTED_SCOPES} more` : ''}`;
    for (const item of scopes) {
      if (!item.value.includes('/') || known.has(item.value)) continue;
      report({ messageId: 'undefinedScope', data: { scope: item.value, defined: listed }, at: item.node, path: item.path });
    }
  },
});
