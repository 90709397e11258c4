// Redirect URL rules on Terraform clients: exact positions of the culprit list item or value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../../helpers';
import { at, client, useHclParser } from '../../terraform-helpers';

useHclParser();

const OAUTH = ['allowed_oauth_flows_user_pool_client = true', 'allowed_oauth_flows = ["code"]', 'allowed_oauth_scopes = ["openid"]'];
type Case = [string, string[], Array<ReturnType<typeof at>>];

function table(id: string, cases: Case[]): void {
  for (const [name, lines, expected] of cases) assert.deepEqual(positions(id, 'main.tf', client(...OAUTH, ...lines)), expected, `${id}: ${name}`);
}

test('default-redirect-uri-in-callbacks', () => {
  const id = 'default-redirect-uri-in-callbacks';
  table(id, [
    ['default not among callbacks', ['callback_urls = ["https://app.mycompany.com/cb"]', 'default_redirect_uri = "https://app.mycompany.com/"'], [at(id, 8, 26, 8, 54)]],
    ['default among callbacks', ['callback_urls = ["https://app.mycompany.com/cb", "https://app.mycompany.com/"]', 'default_redirect_uri = "https://app.mycompany.com/"'], []],
    ['callbacks not fully known: silent', ['callback_urls = concat(["https://app.mycompany.com/cb"], var.more)', 'default_redirect_uri = "https://app.mycompany.com/"'], []],
  ]);
});
