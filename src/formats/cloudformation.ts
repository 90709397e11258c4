// CloudFormation templates, JSON or YAML: hand-written, AWS SAM, CDK synth output (cdk.out), and the
// CloudFormation that `serverless package` writes (.serverless/*.json).
import type { DocumentDialect } from './dialect';
import { isTemplate, loadTemplate, templateStructureProblems } from '../load/cloudformation';

export const CLOUDFORMATION_EXTENSIONS = ['json', 'yaml', 'yml', 'template'] as const;

export const cloudformation: DocumentDialect = {
  id: 'cloudformation',
  description: 'CloudFormation JSON/YAML, AWS SAM, CDK cdk.out/*.template.json, Serverless .serverless/*.json: `Resources` with `Type: AWS::Cognito::UserPoolClient`',
  syntax: 'document',
  extensions: CLOUDFORMATION_EXTENSIONS,
  words: ['UserPoolClient'],
  kinds: { cloudformation: { schemaId: 'cloudformation-user-pool-client', what: 'AWS::Cognito::UserPoolClient' } },
  recognises: isTemplate,
  load: (file, root, budget) => ({ clients: loadTemplate(file, root, budget), structureProblems: templateStructureProblems(file, root) }),
};
