// Messages name members as the source spells them, through typed slots (src/message.ts), and never
// rewrite user data: issue 9's respelling defect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers';
import { client, useHclParser } from './terraform-helpers';
import { API_SPELLING, memberName, phrase, renderFix, renderTemplate } from '../src/message';
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import { evaluate } from '../src/evaluate';
import { loadAllRules } from '../rules';
import { settingsForPreset } from '../src/config';
import { terraformSpelling } from '../src/load/terraform-names';

useHclParser();

test('a URL that contains an API member name is shown as written, in Terraform too', () => {
  const url = 'http://app.acme-corp.com/CallbackURLs: yes';
  const rows = runRule('redirect-uri-https', 'main.tf', client(`callback_urls = ["${url}"]`));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.message, `callback_urls entry "${url}" uses http:// to the non-loopback host "app.acme-corp.com"; Cognito accepts http:// only for localhost, 127.0.0.1 and [::1]. Use https://.`);
});

test('templates: member and assignment slots follow the spelling; data slots are inserted as given', () => {
  const template = '{{member:TokenValidityUnits.AccessToken}} / {{member:CallbackURLs}} = {{url}}. Set {{set:GenerateSecret=true}} and {{set:PreventUserExistenceErrors=ENABLED}}.';
  const data = { url: 'https://x/{{member:CallbackURLs}} CallbackURLs: yes' };
  assert.equal(renderTemplate(template, data, API_SPELLING), 'TokenValidityUnits.AccessToken / CallbackURLs = https://x/{{member:CallbackURLs}} CallbackURLs: yes. Set GenerateSecret: true and PreventUserExistenceErrors: ENABLED.');
  assert.equal(
    renderTemplate(template, data, terraformSpelling('aws')),
    'token_validity_units.access_token / callback_urls = https://x/{{member:CallbackURLs}} CallbackURLs: yes. Set generate_secret = true and prevent_user_existence_errors = "ENABLED".',
  );
});

test('phrases built by rules respell only their member names', () => {
  const owner = 'variable "CallbackURLs"';
  const note = phrase` (${memberName('CallbackURLs')} comes from the default of ${owner})`;
  assert.equal(renderTemplate('x{{note}}', { note }, terraformSpelling('aws')), 'x (callback_urls comes from the default of variable "CallbackURLs")');
  assert.equal(terraformSpelling('awscc').member('CallbackURLs[3]'), 'callback_ur_ls[3]');
});

test('fixes are structured on the finding, in API terms, and rendered in the source syntax by {{fix}}', () => {
  const rules = loadAllRules();
  const settings = settingsForPreset(rules, 'recommended');
  const findings = (path: string, text: string) => evaluate([loadFile(new SourceFile(path, text))], rules, settings);
  const tf = findings('main.tf', client('allowed_oauth_scopes = ["openid", "openid"]', 'enable_token_revocation = false'));
  const byRule = (ruleId: string) => tf.find((finding) => finding.ruleId === ruleId)!;
  assert.deepEqual(byRule('prevent-user-existence-errors').fix, { set: ['PreventUserExistenceErrors', 'ENABLED'] });
  assert.match(byRule('prevent-user-existence-errors').message, /Add prevent_user_existence_errors = "ENABLED"\.$/);
  assert.deepEqual(byRule('token-revocation-enabled').fix, { set: ['EnableTokenRevocation', 'true'] });
  assert.deepEqual(byRule('duplicate-values').fix, { remove: 'AllowedOAuthScopes[1]' });
  const yaml = findings('t.yaml', ['Resources:', '  C:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: p', '      ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH]', ''].join('\n'));
  const legacy = yaml.find((finding) => finding.ruleId === 'no-legacy-auth-flow-names')!;
  // A legacy list keeps SRP and refresh implicitly: the fix sets the whole equivalent list.
  assert.deepEqual(legacy.fix, { set: ['ExplicitAuthFlows', '["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]'] });
  assert.match(legacy.message, /: ExplicitAuthFlows: \["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"\]\.$/);
  assert.match(yaml.find((finding) => finding.ruleId === 'prevent-user-existence-errors')!.message, /Add PreventUserExistenceErrors: ENABLED\.$/);
  assert.equal(renderFix({ replace: ['ExplicitAuthFlows[0]', ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']] }, terraformSpelling('aws')), 'explicit_auth_flows[0] = "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"');
});
