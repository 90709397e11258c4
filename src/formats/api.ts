// `aws cognito-idp` files: CreateUserPoolClient / UpdateUserPoolClient requests (--cli-input-json,
// --cli-input-yaml, SDK payloads) and Describe/Create/Update responses (`{"UserPoolClient": {...}}`).
import type { DocumentDialect } from './dialect';
import type { MappingNode, SyntaxNode } from '../parse/syntax';
import { isApiRequest, isApiResponse, loadApiRequest, loadApiResponse } from '../load/api';

export const apiResponse: DocumentDialect = {
  id: 'api-response',
  description: 'API response (Describe/Create/Update output): top-level `UserPoolClient`',
  syntax: 'document',
  extensions: ['json', 'yaml', 'yml'],
  words: ['UserPoolClient'],
  kinds: { 'client-description': { schemaId: 'user-pool-client', what: 'a UserPoolClient description', absentMeansDefault: false, secret: 'described' } },
  recognises: (root: SyntaxNode): root is MappingNode => isApiResponse(root),
  load: (file, root) => ({ clients: [loadApiResponse(file, root)] }),
};

export const apiRequest: DocumentDialect = {
  id: 'api-request',
  description: 'API request (--cli-input-json/--cli-input-yaml, SDK payloads): top-level `UserPoolId`; with `ClientId` an UpdateUserPoolClient request, else CreateUserPoolClient',
  syntax: 'document',
  extensions: ['json', 'yaml', 'yml'],
  words: ['UserPoolId'],
  kinds: {
    'create-request': { schemaId: 'create-user-pool-client-request', what: 'a CreateUserPoolClient request' },
    'update-request': { schemaId: 'update-user-pool-client-request', what: 'an UpdateUserPoolClient request', secret: 'fixed' },
  },
  recognises: (root: SyntaxNode): root is MappingNode => isApiRequest(root),
  load: (file, root) => ({ clients: [loadApiRequest(file, root)] }),
};
