import { ruleTester, type ApiClient } from '../rule-tester';
import { CFN_OAUTH, CLIENT_YAML, serverless } from './fixture-parts';

/** A confidential OAuth client with these flows. */
const flows = (...allowed: string[]): ApiClient => ({ GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: allowed });

ruleTester('client-credentials-exclusive', {
  valid: [
    { name: 'client_credentials alone', client: flows('client_credentials') },
    { name: 'no client_credentials', client: flows('code', 'implicit') },
    { name: 'absent', client: { GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true } },
  ],
  invalid: [
    { name: 'with code', client: flows('code', 'client_credentials'), errors: [{ at: 'AllowedOAuthFlows[1]' }] },
    { name: 'first, with implicit and code', client: flows('client_credentials', 'implicit', 'code'), errors: [{ at: 'AllowedOAuthFlows[0]' }] },
    { name: 'last, after implicit and code', client: flows('implicit', 'code', 'client_credentials'), errors: [{ at: 'AllowedOAuthFlows[2]' }] },
    {
      name: 'message lists the other flows once',
      client: flows('client_credentials', 'code', 'implicit', 'code'),
      errors: [
        {
          at: 'AllowedOAuthFlows[0]',
          message: {
            api: 'AllowedOAuthFlows combines client_credentials with "code", "implicit"; client_credentials must be the only flow of a client. Move "code", "implicit" to a separate app client, or remove client_credentials.',
          },
        },
      ],
    },
  ],
  fixtures: [
    {
      name: 'other item unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      AllowedOAuthFlows: [client_credentials, !Ref ExtraFlow]
`,
    },
    {
      name: 'list from GetAtt',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      AllowedOAuthFlows: !GetAtt Settings.Flows
`,
    },
    {
      name: 'Fn::If: one finding for the combining branch',
      path: 't.yaml',
      text: `Conditions:
  Interactive: !Equals [!Ref Mode, web]
Resources:
${CLIENT_YAML}      AllowedOAuthFlows:
        - client_credentials
          ^~~~~~~~~~~~~~~~~~
        - !If [Interactive, code, !Ref AWS::NoValue]
`,
    },
    {
      name: 'Parameter default: the message says so',
      path: 't.yaml',
      text: `Parameters:
  Flows:
    Type: CommaDelimitedList
    Default: code,client_credentials
Resources:
${CLIENT_YAML}      AllowedOAuthFlows: !Ref Flows
                         ^~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /\(the value comes from the default of Parameter "Flows"\)$/ }],
    },
    {
      name: 'Parameter without default',
      path: 't.yaml',
      text: `Parameters:
  Flows:
    Type: CommaDelimitedList
Resources:
${CLIENT_YAML}      AllowedOAuthFlows: !Ref Flows
`,
    },
    {
      name: 'api update request with client_credentials alone',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AllowedOAuthFlows": ["client_credentials"]}`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('m2m')}        AllowedOAuthFlows: [client_credentials, "\${self:custom.extraFlow}"]
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${serverless('m2m')}        AllowedOAuthFlows: [client_credentials, code]
                            ^~~~~~~~~~~~~~~~~~
`,
    },
  ],
});
