import { ruleTester } from '../rule-tester';
import { TF } from './fixture-parts';

// Repeated keys are a matter of text, not of members: every case is a fixture.
ruleTester('duplicate-key', {
  fixtures: [
    {
      name: 'yaml: second key reported, related location at the first',
      path: 't.yaml',
      text: `Resources:
  C:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      PreventUserExistenceErrors: ENABLED
      ^~~~~~~~~~~~~~~~~~~~~~~~~~ ar0
      PreventUserExistenceErrors: LEGACY
      ^~~~~~~~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [
        {
          at: 'a',
          // The message names who keeps the last value, not every parser (the YAML spec wants unique keys).
          message: 'Key "PreventUserExistenceErrors" repeats the key at line 5; JSON.parse and the AWS CLI keep only this last value, and other tools may keep the first or reject the file. Remove one of the two.',
          related: [{ at: 'ar0' }],
        },
      ],
    },
    {
      name: 'json (CDK): duplicate property keys',
      path: 't.json',
      text: `{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient",
 "Properties": {"UserPoolId": "a", "UserPoolId": "b"}}}}
                                   ^~~~~~~~~~~~`,
    },
    {
      name: 'api request json',
      path: 'r.json',
      text: `{"UserPoolId": "a_b", "ClientName": "x", "ClientName": "y"}
                                         ^~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: duplicates outside the client definition are left to other tools',
      path: 'serverless.yml',
      text: `service: a
service: b
resources:
  Resources:
    C:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        ClientName: a
        ClientName: b
        ^~~~~~~~~~
`,
    },
    {
      name: 'a file that defines no client is not ours to judge, even if it names UserPoolId',
      path: 'other.yaml',
      text: `UserPoolIdParam: a
x: 1
x: 2
`,
    },
    {
      name: 'terraform: a repeated argument or block inside a client',
      path: 'main.tf',
      text: `${TF}  prevent_user_existence_errors = "ENABLED"
  prevent_user_existence_errors = "LEGACY"
  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  token_validity_units {
    access_token = "hours"
  }
  token_validity_units {
  ^~~~~~~~~~~~~~~~~~~~
    access_token = "minutes"
  }
}
`,
    },
    {
      name: "terraform: outside a client block it is Terraform's business",
      path: 'main.tf',
      text: `variable "x" {
  default = 1
  default = 2
}
`,
    },
  ],
});
