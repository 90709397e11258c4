import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { maskSecret, writtenSecret } from '../src/redact';
import { isPlaceholderSecret } from '../src/rules-support/secrets';

export default defineRule({
  meta: {
    id: 'no-committed-client-secret',
    category: 'security',
    defaultSeverity: 'error',
    title: 'Client secret committed to the repository',
    description: 'No ClientSecret value is written in the file (API request, Describe output, Terraform plan JSON client_secret); output shows only its first 4 characters.',
    rationale:
      'A client secret is the credential of a confidential app client: with the client ID it authenticates to the token endpoint and computes the SECRET_HASH of user pool API calls. A secret written in a file that is committed is readable by everyone with access to the repository, its forks, clones and history. Keep it out of the repository, rotate a secret that was committed, and read it from a secret store at run time. Every output of cognito-lint shows only its first 4 characters.',
    precision: 'high',
    securitySeverity: '7.5',
    messages: {
      committed:
        '{{name}} holds a client secret ("{{shown}}", {{length}} characters) written in this file, so everyone who can read the repository has this app client\'s credential; expected no secret in the repository. Remove it, rotate the secret (AddUserPoolClientSecret, then DeleteUserPoolClientSecret for the old one), and read it from a secret store at run time.',
      plan:
        'The plan shows {{name}} in clear ("{{shown}}", {{length}} characters): terraform show -json writes sensitive values unmasked, so everyone who can read the repository has this app client\'s credential; expected no plan JSON with secrets in the repository. Remove the file (lint plans in the pipeline without committing them) and rotate the secret (AddUserPoolClientSecret, then DeleteUserPoolClientSecret for the old one).',
    },
  },
  checkClient({ client, report }) {
    const secret = writtenSecret(client);
    const value = secret?.value;
    // References, parameters and unknown values are not written secrets; placeholders are no credential.
    if (!secret || value?.kind !== 'scalar' || typeof value.value !== 'string' || isPlaceholderSecret(value.value)) return;
    const data = { shown: maskSecret(value.value), length: [...value.value].length };
    if (client.secret === secret) report({ messageId: 'plan', data: { ...data, name: 'client_secret' }, at: value, path: 'ClientSecret' });
    else report({ messageId: 'committed', data: { ...data, name: memberName('ClientSecret') }, at: value, path: 'ClientSecret' });
  },
});
