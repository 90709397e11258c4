// Inputs of FORMATS.md "Additions (December 2026)" read by the CloudFormation loader: templates of
// templates (`{{ ... }}` holes blanked and parsed again) and client settings applied by a `Custom::`
// resource. Every rule of the recommended preset runs; findings are compared by position, marked in the
// fixture (`«text»`, see rule-tester.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import { evaluate } from '../src/evaluate';
import { loadAllRules } from '../rules';
import { settingsForPreset } from '../src/config';
import { blankTemplateHoles } from '../src/load/template-holes';
import { parseFixture, type Place } from './rule-tester';

interface Result extends Place {
  ruleId: string;
  severity: string;
}

/** Lints the fixture with the recommended preset; returns its findings and the places its markers name. */
function lintFixture(path: string, annotated: string): { results: Result[]; marks: Map<string, Place> } {
  const { text, marks, unnamed } = parseFixture(annotated, false);
  assert.deepEqual(unnamed, [], 'every marker is named');
  const rules = loadAllRules();
  const findings = evaluate([loadFile(new SourceFile(path, text))], rules, settingsForPreset(rules, 'recommended'));
  const results = findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.region.start.line, column: f.region.start.column, endLine: f.region.end.line, endColumn: f.region.end.column }));
  return { results, marks };
}

/** The expected result `ruleId` at the marker `at`. */
function at(marks: Map<string, Place>, name: string, ruleId: string, severity = 'error'): Result {
  const place = marks.get(name);
  assert.ok(place, `marker ${name}`);
  return { ruleId, severity, ...place };
}

const byPlace = (a: Result, b: Result): number => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);

// ---- Templates of templates ---------------------------------------------------------------------

test('blanking keeps every position: a lone hole becomes a quoted string, a hole in text is blanked bare', () => {
  const text = 'a: {{ x }}\nb: "https://{{ host }}/cb"\nc: [{{ y }}, z]\nd: {{resolve:ssm:p}}\n- {{ item }}\ne: pre-{{ v }}\n';
  const blanked = blankTemplateHoles(text)!;
  assert.equal(blanked.length, text.length);
  const lines = blanked.split('\n');
  assert.equal(lines[0], `a: "${'\uE000'.repeat(5)}"`);
  assert.equal(lines[1], `b: "https://${'\uE000'.repeat(10)}/cb"`);
  assert.equal(lines[2], `c: ["${'\uE000'.repeat(5)}", z]`);
  assert.equal(lines[3], 'd: {{resolve:ssm:p}}', 'a dynamic reference is not a hole');
  assert.equal(lines[4], `- "${'\uE000'.repeat(8)}"`);
  assert.equal(lines[5], `e: pre-${'\uE000'.repeat(7)}`);
  assert.equal(blankTemplateHoles('a: 1\n'), undefined);
  assert.equal(blankTemplateHoles('a: {{ unclosed\n'), undefined, 'no hole on one line: nothing to blank');
});

test('cookiecutter YAML: holes are unknown values, everything else is checked at its own position', () => {
  const { results, marks } = lintFixture(
    'template.yaml',
    `Resources:
  «{{ cookiecutter.name }}Client»[client]:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: {{ cookiecutter.pool }}
      ClientName: {{ cookiecutter.name }}-web
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code, «implicit»[implicit]]
      AllowedOAuthScopes: [openid]
      AccessTokenValidity: {{ cookiecutter.hours }}
      CallbackURLs:
        - https://{{ cookiecutter.domain }}/cb
        - {{ cookiecutter.callback }}
        - «http://app.acme-corp.com/{{ path }}»[http]
`,
  );
  assert.deepEqual(results.sort(byPlace), [
    at(marks, 'client', 'prevent-user-existence-errors'),
    at(marks, 'implicit', 'no-implicit-flow', 'warning'),
    at(marks, 'http', 'redirect-uri-https'),
  ]);
});

test('Jinja JSON: a bare hole and a hole inside a string both parse, and neither is judged', () => {
  const { results, marks } = lintFixture(
    'template.json',
    `{
  "Resources": {
    "WebClient": {
      "Type": "AWS::Cognito::UserPoolClient",
      "Properties": {
        "UserPoolId": {{ pool_id | tojson }},
        "PreventUserExistenceErrors": "ENABLED",
        "AllowedOAuthFlowsUserPoolClient": true,
        "AllowedOAuthFlows": ["code"],
        "AllowedOAuthScopes": ["openid"],
        "RefreshTokenValidity": {{ days }},
        "CallbackURLs": ["https://{{ domain }}/cb", {{ extra | tojson }}, «"https://app.acme-corp.com/cb#x"»[fragment]]
      }
    }
  }
}
`,
  );
  assert.deepEqual(results, [at(marks, 'fragment', 'redirect-uri-no-fragment')]);
});

test('a hole written in a string of a file that parses as it is is unknown too', () => {
  const text = `Resources:
  WebClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: "{{ pool }}"
      PreventUserExistenceErrors: ENABLED
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid]
      CallbackURLs:
        - https://{{ domain }}/cb
        - http://{{ domain }}/cb
`;
  const { results } = lintFixture('template.yaml', text);
  assert.deepEqual(results, []);
});

test('a template that does not parse even blanked gets one note at the remaining error, never an error', () => {
  const { results, marks } = lintFixture(
    'chart.yaml',
    `Resources:
  WebClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: {{ .Values.pool | quote }}
«{{- if .Values.oauth }}»[note]
      AllowedOAuthFlows: [code]
{{- end }}
`,
  );
  assert.deepEqual(results, [at(marks, 'note', 'parse-error', 'note')]);
  const rules = loadAllRules();
  const [finding] = evaluate([loadFile(new SourceFile('chart.yaml', '{{ x }}: [\n'))], rules, settingsForPreset(rules, 'recommended'));
  assert.match(finding!.message, /^This file looks like a template .*, not checked: even with the placeholders blanked, invalid YAML: .*Lint the rendered output instead\.$/);
});

test('a file that does not parse and has no hole is still a parse error', () => {
  const { results } = lintFixture('broken.yaml', 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: [unclosed\n');
  assert.deepEqual(results.map((r) => [r.ruleId, r.severity]), [['parse-error', 'error']]);
});

// ---- Client settings applied by a custom resource -----------------------------------------------

/**
 * WebClient and a custom resource `Settings` that names it; `client` and `settings` are member lines
 * (six spaces in), `settingsKeys` resource keys of `Settings` (four spaces in).
 */
function withSettings(parts: { before?: string; client: string; settingsKeys?: string; settings: string }): string {
  return `${parts.before ?? ''}Resources:
  WebClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
${parts.client}
  Settings:
    Type: Custom::CognitoUserPoolClientSettings
${parts.settingsKeys ?? ''}    Properties:
      ServiceToken: !GetAtt Handler.Arn
      UserPoolClientId: !Ref WebClient
${parts.settings}
`;
}

test('custom resource members are merged into the client it names; findings point at the custom resource', () => {
  const { results, marks } = lintFixture(
    'template.yaml',
    withSettings({
      client: `      PreventUserExistenceErrors: ENABLED
      AllowedOAuthFlows: [implicit]
      CallbackURLs: [http://old.acme-corp.com/cb]`,
      settings: `      UserPoolId: not a pool id
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid]
      CallbackURLs: [«http://app.acme-corp.com/cb»[http]]
      RedirectPathSignIn: /parseauth`,
    }),
  );
  // The client's implicit flow and old URL are replaced (the custom resource applies last); its own
  // UserPoolId and RedirectPathSignIn are not client members.
  assert.deepEqual(results, [at(marks, 'http', 'redirect-uri-https')]);
});

test('the long form {"Ref": ...} in JSON names the client too', () => {
  const { results, marks } = lintFixture(
    'template.json',
    `{"Resources": {
  "WebClient": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": {"Ref": "UserPool"}}},
  "Settings": {"Type": "Custom::UserPoolClientSettings", "Properties": {
    "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:settings",
    "UserPoolClientId": {"Ref": "WebClient"},
    "PreventUserExistenceErrors": «"LEGACY"»[legacy]}}
}}
`,
  );
  assert.deepEqual(results, [at(marks, 'legacy', 'prevent-user-existence-errors')]);
});

test('a custom resource that names no client member, or another resource, changes nothing', () => {
  const { results, marks } = lintFixture(
    'template.yaml',
    `Resources:
  «UserPoolClient»[client]:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      «CallbackURLs»[key]: [«https://example.com/will-be-replaced»[placeholder]]
  UserPoolClientUpdate:
    Type: Custom::UserPoolClientUpdate
    Properties:
      ServiceToken: !GetAtt Handler.Arn
      UserPoolClientId: !Ref UserPoolClient
      RedirectPathSignIn: /parseauth
      OAuthScopes: !Ref OAuthScopes
  OtherSettings:
    Type: Custom::CognitoUserPoolClientSettings
    Properties:
      ServiceToken: !GetAtt Handler.Arn
      UserPoolClientId: !Ref SomeOtherClient
      PreventUserExistenceErrors: ENABLED
      AllowedOAuthFlowsUserPoolClient: true
`,
  );
  assert.deepEqual(results.sort(byPlace), [
    at(marks, 'client', 'prevent-user-existence-errors'),
    at(marks, 'key', 'oauth-requires-user-pool-client-flag', 'warning'),
    at(marks, 'placeholder', 'redirect-uri-placeholder', 'warning'),
  ]);
});

test('a conditional custom resource applies in the variant where its condition holds; the client is checked as written in the other', () => {
  const { results, marks } = lintFixture(
    'template.yaml',
    withSettings({
      before: 'Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n',
      client: '      PreventUserExistenceErrors: «LEGACY»[client]',
      settingsKeys: '    Condition: IsProd\n',
      settings: '      PreventUserExistenceErrors: ENABLED\n      EnableTokenRevocation: «false»[revocation]',
    }),
  );
  assert.deepEqual(results.sort(byPlace), [at(marks, 'client', 'prevent-user-existence-errors'), at(marks, 'revocation', 'token-revocation-enabled')]);
});

test('AWS::NoValue in a custom resource member passes nothing, so the client keeps its own value', () => {
  const { results, marks } = lintFixture(
    'template.yaml',
    withSettings({ client: '      PreventUserExistenceErrors: «LEGACY»[legacy]', settings: '      PreventUserExistenceErrors: !Ref AWS::NoValue' }),
  );
  assert.deepEqual(results, [at(marks, 'legacy', 'prevent-user-existence-errors')]);
});

test('a hole written where a YAML value stands (a flow mapping to YAML) is unknown in every YAML dialect, never `schema` "is an object"', () => {
  const template = lintFixture(
    'template.yaml',
    `Resources:
  «WebClient»[client]:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: {{ pool_id }}
      ClientName: {{cookiecutter.name}}
      AccessTokenValidity: {{ hours }}
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [{{ scope }}, openid]
      CallbackURLs:
        - {{ url }}
        - «http://app.acme-corp.com/cb»[http]
`,
  );
  assert.deepEqual(template.results.sort(byPlace), [at(template.marks, 'client', 'prevent-user-existence-errors'), at(template.marks, 'http', 'redirect-uri-https')]);
  const serverless = lintFixture(
    'serverless.yml',
    `service: auth
provider:
  name: aws
resources:
  Resources:
    WebClient:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: {{ pool_id }}
        PreventUserExistenceErrors: {{ existence }}
        AllowedOAuthFlowsUserPoolClient: {{ oauth }}
        CallbackURLs:
          - {{ url }}
`,
  );
  assert.deepEqual(serverless.results, []);
  const request = lintFixture(
    'create-client.yaml',
    `UserPoolId: {{ pool_id }}
ClientName: web
PreventUserExistenceErrors: «LEGACY»[legacy]
AllowedOAuthFlowsUserPoolClient: true
AllowedOAuthFlows: [code]
AllowedOAuthScopes: [openid]
CallbackURLs:
  - {{ url }}
`,
  );
  assert.deepEqual(request.results, [at(request.marks, 'legacy', 'prevent-user-existence-errors')]);
});
