import { ruleTester, type Dialect } from '../rule-tester';
import { CFN, TF } from './fixture-parts';

const SECRET = 'EXAMPLEsecretEXAMPLEsecret12';

/** Only a CreateUserPoolClient request can carry both members. */
const CREATE_ONLY: Partial<Record<Dialect, string>> = {
  'cloudformation-yaml': 'CloudFormation has no ClientSecret property (GetAtt ClientSecret is read-only); the schema rule reports it',
  'cloudformation-json': 'CloudFormation has no ClientSecret property (GetAtt ClientSecret is read-only); the schema rule reports it',
  'api-response': 'Describe output has no GenerateSecret member',
  terraform: 'Terraform has no ClientSecret argument (client_secret is computed)',
  'terraform-plan': 'Terraform has no ClientSecret argument (client_secret is computed)',
};

ruleTester('client-secret-conflict', {
  valid: [
    { name: 'GenerateSecret true alone', client: { ClientName: 'app', GenerateSecret: true } },
    { name: 'ClientSecret alone', client: { ClientName: 'app', ClientSecret: SECRET } },
    {
      name: 'ClientSecret with GenerateSecret false',
      client: { ClientName: 'app', GenerateSecret: false, ClientSecret: SECRET },
      skip: { 'api-response': 'Describe output has no GenerateSecret member' },
    },
    {
      name: 'formats that cannot carry a ClientSecret stay silent',
      client: { ClientName: 'app', GenerateSecret: true, ClientSecret: SECRET },
      skip: { 'api-request': 'a CreateUserPoolClient request carries both (the invalid case)' },
    },
  ],
  invalid: [
    {
      name: 'GenerateSecret true and a ClientSecret',
      client: { ClientName: 'app', GenerateSecret: true, ClientSecret: SECRET },
      skip: CREATE_ONLY,
      errors: [
        {
          at: 'ClientSecret',
          message:
            'ClientSecret is given while GenerateSecret is true; the CreateUserPoolClient reference says you cannot specify both GenerateSecret true and a ClientSecret value. Remove GenerateSecret to keep this secret, or remove ClientSecret to let Cognito generate one.',
          related: [{ at: 'GenerateSecret', message: 'GenerateSecret is true here' }],
        },
      ],
    },
  ],
  fixtures: [
    {
      name: 'create request in YAML (--cli-input-yaml)',
      path: 'create.yaml',
      text: `UserPoolId: us-east-1_abc
ClientName: app
GenerateSecret: «true»[generate]
ClientSecret: ${SECRET}
              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~ secret
`,
      errors: [{ at: 'secret', related: [{ at: 'generate', message: 'GenerateSecret is true here' }] }],
    },
    {
      name: 'GenerateSecret as a string is not known to be true',
      path: 'create.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientName": "app", "GenerateSecret": "true", "ClientSecret": "${SECRET}"}`,
    },
    {
      name: 'update request: neither member is an Update input',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "GenerateSecret": true, "ClientSecret": "${SECRET}"}`,
    },
    {
      name: 'CloudFormation: ClientSecret is not a property',
      path: 'template.yaml',
      text: `${CFN}      GenerateSecret: true
      ClientSecret: ${SECRET}
`,
    },
    {
      name: 'Terraform: client_secret is computed',
      path: 'main.tf',
      text: `${TF}  generate_secret = true
  client_secret   = "${SECRET}"
}
`,
    },
  ],
});
