import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, render, ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

const NO_FALSE_IN_DESCRIPTION = 'a description has no GenerateSecret, and no ClientSecret only means the secret is unknown';

ruleTester('context-data-requires-secret', {
  valid: [
    { name: 'true with GenerateSecret true (ClientSecret in a description)', client: { GenerateSecret: true, EnablePropagateAdditionalUserContextData: true } },
    { name: 'false without secret', client: { EnablePropagateAdditionalUserContextData: false } },
    { name: 'not set', client: { GenerateSecret: false }, skip: { 'api-response': NO_FALSE_IN_DESCRIPTION } },
  ],
  invalid: [
    {
      name: 'true without GenerateSecret',
      client: { EnablePropagateAdditionalUserContextData: true },
      skip: { 'api-response': NO_FALSE_IN_DESCRIPTION },
      errors: [{ at: 'EnablePropagateAdditionalUserContextData' }],
    },
    {
      name: 'true with GenerateSecret false: message and related location at GenerateSecret',
      client: { GenerateSecret: false, EnablePropagateAdditionalUserContextData: true },
      skip: { 'api-response': NO_FALSE_IN_DESCRIPTION },
      errors: [
        {
          at: 'EnablePropagateAdditionalUserContextData',
          message: {
            api: 'EnablePropagateAdditionalUserContextData is true on a client without a secret (GenerateSecret is false); Cognito activates it only for clients with a secret. Set GenerateSecret: true, or EnablePropagateAdditionalUserContextData: false.',
            terraform: /Set generate_secret = true, or enable_propagate_additional_user_context_data = false\.$/,
          },
          related: [{ at: 'GenerateSecret', message: { api: 'GenerateSecret is false here' } }],
        },
      ],
    },
  ],
  fixtures: [
    {
      name: '"true" string with GenerateSecret false',
      path: 'template.yaml',
      text: `${CFN}      GenerateSecret: false
      EnablePropagateAdditionalUserContextData: "true"
                                                ^~~~~~
`,
    },
    {
      name: 'value from Ref without a default',
      path: 'template.yaml',
      text: `${CFN}      EnablePropagateAdditionalUserContextData: !Ref Propagate
`,
    },
    {
      name: 'GenerateSecret from ImportValue',
      path: 'template.yaml',
      text: `${CFN}      GenerateSecret: !ImportValue SharedSecretFlag
      EnablePropagateAdditionalUserContextData: true
`,
    },
    {
      name: 'value from a Parameter default: the message mentions the default',
      path: 't.yaml',
      text: `Parameters:
  Propagate:
    Type: String
    AllowedValues: ["true", "false"]
    Default: "true"
Resources:
${CLIENT_YAML}      EnablePropagateAdditionalUserContextData: !Ref Propagate
                                                ^~~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /GenerateSecret is not set and defaults to false.*\(the value comes from the default of Parameter "Propagate"\)$/ }],
    },
    {
      name: 'Fn::If: one finding for the public branch',
      path: 't.yaml',
      text: `Conditions:
  Confidential: !Equals [!Ref Kind, server]
Resources:
${CLIENT_YAML}      GenerateSecret: !If [Confidential, true, false]
      EnablePropagateAdditionalUserContextData: true
                                                ^~~~ a
`,
      errors: [{ at: 'a', message: /GenerateSecret is false/ }],
    },
    {
      name: 'api update request: GenerateSecret cannot be changed, so it is unknown',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "ClientName": "web", "EnablePropagateAdditionalUserContextData": true}`,
    },
    {
      name: 'api describe output without ClientSecret: unknown',
      path: 'describe.json',
      text: `{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc", "EnablePropagateAdditionalUserContextData": true}}`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        EnablePropagateAdditionalUserContextData: \${self:custom.propagate}
`,
    },
    {
      name: 'serverless.yml: a literal true',
      path: 'serverless.yml',
      text: `${serverless('web')}        EnablePropagateAdditionalUserContextData: true
                                                  ^~~~
`,
    },
  ],
});

test('the finding names the member it is about', async () => {
  const { path, text } = render('cloudformation-yaml', { GenerateSecret: false, EnablePropagateAdditionalUserContextData: true });
  assert.deepEqual((await lint('context-data-requires-secret', path, text)).map((row) => row.path), ['EnablePropagateAdditionalUserContextData']);
});
