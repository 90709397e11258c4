import { CLIENT, ruleTester } from '../rule-tester';
import { CFN, TF } from './fixture-parts';

ruleTester('prevent-user-existence-errors', {
  valid: [
    { name: 'ENABLED', client: { PreventUserExistenceErrors: 'ENABLED' } },
    { name: 'a machine client (client_credentials only): no user signs in', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'], GenerateSecret: true } },
    { name: 'a machine client with LEGACY written', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], PreventUserExistenceErrors: 'LEGACY' } },
  ],
  invalid: [
    {
      name: 'missing member: at the logical id, request object, UserPoolClient key, block label',
      client: {},
      output: { PreventUserExistenceErrors: 'ENABLED' },
      fixType: 'remediation',
      outputSkip: { 'cloudformation-yaml': 'the renderer quotes every value; with no quoted neighbour the new member is plain (the fixture "a member added in YAML" checks it)' },
      errors: [
        {
          at: CLIENT,
          message: {
            api: 'PreventUserExistenceErrors is not set, so Cognito uses LEGACY; with LEGACY, Cognito errors reveal which users exist; expected ENABLED. Add PreventUserExistenceErrors: ENABLED.',
            // The provider's argument is optional+computed: an existing client keeps what it has.
            terraform:
              'prevent_user_existence_errors is not set here: a new client gets LEGACY, an existing one keeps its current value; with LEGACY, Cognito errors reveal which users exist; expected ENABLED. Add prevent_user_existence_errors = "ENABLED".',
          },
        },
      ],
    },
    { name: 'LEGACY: at the value', client: { PreventUserExistenceErrors: 'LEGACY' }, output: { PreventUserExistenceErrors: 'ENABLED' }, fixType: 'remediation', errors: [{ at: 'PreventUserExistenceErrors', message: { api: /is "LEGACY".*expected ENABLED\. Set PreventUserExistenceErrors: ENABLED\.$/, terraform: /is "LEGACY".*expected ENABLED\. Set prevent_user_existence_errors = "ENABLED"\.$/ } }] },
    { name: 'client_credentials beside code: users sign in', client: { AllowedOAuthFlows: ['code', 'client_credentials'] }, errors: [{ at: CLIENT }] },
    { name: 'client_credentials without the OAuth flag: a dead setting, users may sign in through the SDK', client: { AllowedOAuthFlows: ['client_credentials'], GenerateSecret: true }, errors: [{ at: CLIENT }] },
  ],
  fixtures: [
    {
      name: 'a member added in YAML: after the last one, at its indentation, plain as its neighbours are',
      path: 't.yaml',
      text: `Resources:
  «Client»[client]:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: web
`,
      errors: [{ at: 'client' }],
      output: `Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: web
      PreventUserExistenceErrors: ENABLED
`,
      fixType: 'remediation',
    },
    {
      name: 'unknown value (Parameter without default) is silent',
      path: 't.yaml',
      text: `Parameters:
  Mode:
    Type: String
Resources:
  C:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      PreventUserExistenceErrors: !Ref Mode
`,
    },
    {
      name: 'a Parameter default is reported with its origin',
      path: 't.yaml',
      text: `Parameters:
  Mode:
    Type: String
    Default: LEGACY
Resources:
  C:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      PreventUserExistenceErrors: !Ref Mode
                                  ^~~~~~~~~ ref
`,
      errors: [{ at: 'ref', message: /default of Parameter "Mode"/ }],
    },
    {
      name: 'CRLF line ends change no column',
      path: 't.yaml',
      crlf: true,
      text: `${CFN}      PreventUserExistenceErrors: LEGACY
                                  ^~~~~~
`,
    },
    {
      name: 'terraform: null is not set',
      path: 'main.tf',
      text: `resource "aws_cognito_user_pool_client" "web" {
                                        ^~~~~
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  prevent_user_existence_errors = null
}
`,
    },
    {
      name: 'terraform: unknown variable is silent',
      path: 'main.tf',
      text: `${TF}  prevent_user_existence_errors = var.mode
}
`,
    },
  ],
});
