// Serverless Framework serverless.yml (and the resource files it includes): CloudFormation under `resources`.
import type { DocumentDialect } from './dialect';
import type { MappingNode, SyntaxNode } from '../parse/syntax';
import { loadTemplate, mergeTemplates, serverlessTemplates, templateStructureProblems } from '../load/cloudformation';
import { CLOUDFORMATION_KINDS } from './cloudformation';

export const serverless: DocumentDialect = {
  id: 'serverless',
  description: 'Serverless Framework serverless.yml and included resource files: `resources.Resources`',
  syntax: 'document',
  extensions: ['yml', 'yaml', 'json'],
  words: ['UserPoolClient'],
  kinds: CLOUDFORMATION_KINDS,
  recognises: (root: SyntaxNode): root is MappingNode => root.type === 'mapping' && serverlessTemplates(root).length > 0,
  load: (file, root, budget) => {
    const template = mergeTemplates(serverlessTemplates(root));
    return { clients: loadTemplate(file, template, budget), structureProblems: templateStructureProblems(file, template) };
  },
};
