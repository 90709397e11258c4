import { ruleTester } from '../rule-tester';
import { TF } from './fixture-parts';

// Parse errors are about text, not members: every case is a fixture.
ruleTester('parse-error', {
  fixtures: [
    {
      name: 'yaml: unclosed flow sequence, reported where the parser notices the missing ] (the end of the input)',
      path: 't.yaml',
      text: `Resources:
  C:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      CallbackURLs: [https://a.acme-corp.com/cb
«»[a]`,
      errors: [{ at: 'a', message: /^invalid YAML: .*nothing in this file was checked/ }],
    },
    {
      name: 'json: a trailing comma',
      path: 'req.json',
      text: `{"UserPoolId": "us-east-1_abc",
  "ClientName": "x",
}
^`,
    },
    {
      name: 'json: a comment',
      path: 'req.json',
      text: `// comment
^~~~~~~~~~ a
{"UserPoolId": "us-east-1_abc"}`,
      errors: [{ at: 'a', message: /invalid JSON: invalid comment token/ }],
    },
    {
      name: 'yaml: bad indentation in a template',
      path: 't.yaml',
      text: `Resources:
  C:
    Type: AWS::Cognito::UserPoolClient
   Properties:
^
      UserPoolId: x
`,
    },
    {
      name: 'a document of another kind that mentions Cognito is not data: no result',
      path: 'README.rst',
      text: `Describe the UserPoolClient: {"a": [1,
`,
    },
    {
      name: 'a valid template',
      path: 't.yaml',
      text: `Resources:
  C:
    Type: AWS::Cognito::UserPoolClient
`,
    },
    {
      name: 'a valid request',
      path: 'r.json',
      text: `{"UserPoolId": "a_b"}`,
    },
    {
      name: 'hcl: unclosed list, at its opening bracket',
      path: 'main.tf',
      text: `${TF}  callback_urls = ["https://app.mycompany.com/cb"
                  ^ a
}
`,
      errors: [{ at: 'a', message: /^invalid HCL: "\[" is not closed \(missing "\]"\); nothing in this file was checked/ }],
    },
    {
      name: 'hcl: unclosed block, at its opening brace',
      path: 'main.tf',
      text: `resource "aws_cognito_user_pool_client" "web" {
                                              ^ a
  name = "web"
`,
      errors: [{ at: 'a', message: /"\{" is not closed \(missing "\}"\)/ }],
    },
    {
      name: 'hcl: unterminated string, at its opening quote',
      path: 'main.tf',
      text: `${TF}  name2 = "abc
          ^ a
  x = 1
}
`,
      errors: [{ at: 'a', message: /unterminated string/ }],
    },
    {
      name: 'hcl: attribute without a value',
      path: 'main.tf',
      text: `${TF}  generate_secret =
                  ^ a
  x = 1
}
`,
      errors: [{ at: 'a', message: /invalid HCL: unexpected "="/ }],
    },
    {
      name: 'hcl: after non-ASCII text on the same line',
      path: 'main.tf',
      text: `resource "aws_cognito_user_pool_client" "web" {
  name = "é😀" y
               ^ a
}
`,
      errors: [{ at: 'a', message: /invalid HCL: unexpected "y"/ }],
    },
    {
      name: 'hcl: a valid list',
      path: 'main.tf',
      text: `${TF}  callback_urls = ["https://app.mycompany.com/cb"]
}
`,
    },
  ],
});
