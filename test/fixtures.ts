// Temporary project trees for CLI tests: a `.git` marks the repository root.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function project(files: Record<string, string>, withGit = true): string {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-project-'));
  if (withGit) mkdirSync(join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

/** A CloudFormation YAML template with one client: implicit flow (warning), LEGACY (error), http://localhost (off by default). */
export const TEMPLATE = [
  'Resources:',
  '  WebClient:',
  '    Type: AWS::Cognito::UserPoolClient',
  '    Properties:',
  '      UserPoolId: !Ref UserPool',
  '      PreventUserExistenceErrors: LEGACY',
  '      AllowedOAuthFlowsUserPoolClient: true',
  '      AllowedOAuthScopes: [openid]',
  '      AllowedOAuthFlows: [code, implicit]',
  '      CallbackURLs: [http://localhost:3000/cb]',
  '',
].join('\n');
