import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, TF, serverless } from './fixture-parts';

const ID = 'no-writable-verification-attributes';

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'security');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'warning');
});

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  WriteAttributes:
    Type: CommaDelimitedList
    Default: "email,email_verified"
Conditions:
  Admin: !Equals [!Ref Env, admin]
Resources:
`;

ruleTester(ID, {
  valid: [
    { name: 'absent: the default write set has no verification attributes', client: {} },
    { name: 'ordinary attributes', client: { WriteAttributes: ['email', 'phone_number', 'name', 'custom:nickname'] } },
    { name: 'in ReadAttributes only', client: { ReadAttributes: ['email', 'email_verified', 'phone_number_verified'] } },
    { name: 'names are case-sensitive in Cognito', client: { WriteAttributes: ['Email_Verified'] } },
    { name: 'an external IdP may map email_verified: write access is required', client: { SupportedIdentityProviders: ['COGNITO', 'Google'], WriteAttributes: ['email', 'email_verified'] } },
    { name: 'federated only', client: { SupportedIdentityProviders: ['MyOIDC'], WriteAttributes: ['phone_number_verified'] } },
  ],
  invalid: [
    { name: 'email_verified: at the item', client: { WriteAttributes: ['email', 'email_verified'] }, errors: [{ at: 'WriteAttributes[1]' }] },
    { name: 'COGNITO as the only provider is still reported', client: { SupportedIdentityProviders: ['COGNITO'], WriteAttributes: ['email_verified'] }, errors: [{ at: 'WriteAttributes[0]' }] },
    {
      name: 'both: one finding each, with its message',
      client: { WriteAttributes: ['phone_number_verified', 'email', 'email_verified'] },
      errors: [
        {
          at: 'WriteAttributes[0]',
          message: {
            api: 'WriteAttributes includes "phone_number_verified", so signed-in users can set the verification flag of their own phone number with their access token instead of Cognito setting it when they confirm a code; expected phone_number_verified to be read-only. Remove phone_number_verified from WriteAttributes.',
            terraform: 'write_attributes includes "phone_number_verified", so signed-in users can set the verification flag of their own phone number with their access token instead of Cognito setting it when they confirm a code; expected phone_number_verified to be read-only. Remove phone_number_verified from write_attributes.',
          },
        },
        {
          at: 'WriteAttributes[2]',
          message: {
            api: 'WriteAttributes includes "email_verified", so signed-in users can set the verification flag of their own email address with their access token instead of Cognito setting it when they confirm a code; expected email_verified to be read-only. Remove email_verified from WriteAttributes.',
            terraform: 'write_attributes includes "email_verified", so signed-in users can set the verification flag of their own email address with their access token instead of Cognito setting it when they confirm a code; expected email_verified to be read-only. Remove email_verified from write_attributes.',
          },
        },
      ],
    },
  ],
  fixtures: [
    {
      name: 'a provider the linter cannot know may be an IdP: silent',
      path: 'template.yaml',
      text: `${CFN}      SupportedIdentityProviders: [COGNITO, !Ref IdpName]
      WriteAttributes: [email_verified]
`,
    },
    {
      name: 'a provider written as a reference to an IdP resource: silent',
      path: 'main.tf',
      text: `${TF}  supported_identity_providers = [aws_cognito_identity_provider.google.provider_name]
  write_attributes             = ["email", "email_verified"]
}
`,
    },
    {
      name: 'unknown item is skipped, the known one reported',
      path: 'template.yaml',
      text: `${CFN}      WriteAttributes: [!Ref Attr, email_verified]
                                   ^~~~~~~~~~~~~~
`,
    },
    {
      name: 'whole list unknown',
      path: 'template.yaml',
      text: `${CFN}      WriteAttributes: !GetAtt Cfg.Attributes
`,
    },
    {
      name: 'item removed by AWS::NoValue',
      path: 'template.yaml',
      text: `${CFN}      WriteAttributes: [email, !Ref AWS::NoValue]
`,
    },
    {
      name: 'CommaDelimitedList Parameter default',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      WriteAttributes: !Ref WriteAttributes
                       ^~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /\(the value comes from the default of Parameter "WriteAttributes"\)$/ }],
    },
    {
      name: 'CommaDelimitedList Parameter without default',
      path: 't.yaml',
      text: `Parameters:
  WriteAttributes:
    Type: CommaDelimitedList
Conditions:
  Admin: !Equals [!Ref Env, admin]
Resources:
${CLIENT_YAML}      WriteAttributes: !Ref WriteAttributes
`,
    },
    {
      name: 'Fn::If branch',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      WriteAttributes: [email, !If [Admin, phone_number_verified, !Ref AWS::NoValue]]
                                           ^~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "WriteAttributes": ["email_verified"]}
                                                                       ^~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        WriteAttributes:
          - email
          - \${self:custom.verifiedAttribute}
`,
    },
    {
      name: 'serverless.yml: a literal item',
      path: 'serverless.yml',
      text: `${serverless('web')}        WriteAttributes:
          - email
          - email_verified
            ^~~~~~~~~~~~~~
`,
    },
    {
      name: 'terraform: through toset()',
      path: 'main.tf',
      text: `${TF}  write_attributes = toset(["phone_number_verified"])
                            ^~~~~~~~~~~~~~~~~~~~~~~
}
`,
    },
  ],
});
