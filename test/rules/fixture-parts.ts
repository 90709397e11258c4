// Opening lines that most hand-written fixtures share, so that each fixture shows only what it is about.
// Use them at the start of a fixture's text (`${CFN}      CallbackURLs: ...`), or `${CLIENT_YAML}` after a
// template's Parameters and Conditions; markers go below the lines that follow.

/** The start of a CloudFormation YAML client whose properties follow, indented by six spaces. */
export const CLIENT_YAML = '  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n';
/** A CloudFormation YAML template with one client of the user pool `Pool`; properties follow. */
export const CFN = `Resources:\n${CLIENT_YAML}      UserPoolId: !Ref Pool\n`;
/** As CFN, for a client with AllowedOAuthFlowsUserPoolClient: true. */
export const CFN_OAUTH = `${CFN}      AllowedOAuthFlowsUserPoolClient: true\n`;

/** A serverless.yml whose one client has the user pool `Pool`; properties follow, indented by eight spaces. */
export function serverless(service: string): string {
  return `service: ${service}\nresources:\n  Resources:\n    Client:\n      Type: AWS::Cognito::UserPoolClient\n      Properties:\n        UserPoolId: !Ref Pool\n`;
}

/** An `aws_cognito_user_pool_client "web"` block with its name and pool; arguments follow, then `}`. */
export const TF = 'resource "aws_cognito_user_pool_client" "web" {\n  name         = "web"\n  user_pool_id = aws_cognito_user_pool.pool.id\n';
/** As TF, for a client with the OAuth flag, a code flow and the openid scope. */
export const TF_OAUTH = `${TF}  allowed_oauth_flows_user_pool_client = true\n  allowed_oauth_flows = ["code"]\n  allowed_oauth_scopes = ["openid"]\n`;
