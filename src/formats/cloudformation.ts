// CloudFormation templates, JSON or YAML: hand-written, AWS SAM, CDK synth output (cdk.out), and the
// CloudFormation that `serverless package` writes (.serverless/*.json).
import type { DocumentDialect } from './dialect';
import { isTemplate, loadTemplate, templateStructureProblems } from '../load/cloudformation';

export const CLOUDFORMATION_EXTENSIONS = ['json', 'yaml', 'yml', 'template'] as const;

/** CloudFormation's resource constraints, for templates and for serverless.yml's `resources`. */
export const CLOUDFORMATION_KINDS: DocumentDialect['kinds'] = { cloudformation: { schemaId: 'cloudformation-user-pool-client', what: 'AWS::Cognito::UserPoolClient' } };

export const cloudformation: DocumentDialect = {
  id: 'cloudformation',
  description: 'CloudFormation JSON/YAML, AWS SAM, CDK cdk.out/*.template.json, Serverless .serverless/*.json: `Resources` with `Type: AWS::Cognito::UserPoolClient`',
  syntax: 'document',
  extensions: CLOUDFORMATION_EXTENSIONS,
  words: ['UserPoolClient'],
  kinds: CLOUDFORMATION_KINDS,
  recognises: isTemplate,
  load: (file, root, budget) => ({ clients: loadTemplate(file, root, budget), structureProblems: templateStructureProblems(file, root) }),
};
