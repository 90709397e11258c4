// The shared corpus (../shared/corpus, files copied byte for byte from public repositories) and how its
// Terraform files are laid out to be linted where they were.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './golden';

export const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');
export const FORMATS = ['api-embedded-rst', 'api-json', 'cdk-synth', 'cloudformation-json', 'cloudformation-yaml', 'sam', 'serverless', 'terraform'];
/**
 * Terraform reads a whole directory (variables, locals) and follows module calls, so the Terraform files
 * are linted where they were: each at its repository path (MANIFEST.tsv), under `<repo>@<commit>/` with
 * a `.git` to mark the repository. In the flat corpus directory every file would see every other
 * file's variables.
 */
export const LAID_OUT = new Set(['terraform']);

/** The laid-out formats' files at their repository paths; returns the tree and each file's corpus name. */
export function layOut(): { root: string; corpusName: Map<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-corpus-'));
  const corpusName = new Map<string, string>();
  for (const line of readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)) {
    const [format, repository, path, commit, local] = line.split('\t');
    if (!format || !LAID_OUT.has(format) || !repository || !path || !commit || !local) continue;
    const repositoryDir = `${repository.replace('/', '__')}@${commit.slice(0, 7)}`;
    mkdirSync(join(root, repositoryDir, '.git'), { recursive: true });
    mkdirSync(dirname(join(root, repositoryDir, path)), { recursive: true });
    copyFileSync(join(CORPUS, local), join(root, repositoryDir, path));
    corpusName.set(`${repositoryDir}/${path}`, local);
  }
  return { root, corpusName };
}

