// API requests (`--cli-input-json/yaml`, SDK payloads) and responses (`{"UserPoolClient": {...}}`).
import type { AppClient, ClientKind } from '../model';
import type { SourceFile } from '../source';
import { getPair, getValue, type MappingNode, type SyntaxNode } from '../parse/syntax';
import { plainValue, spanOf } from './values';

/** The top-level object of an API request: it has UserPoolId. */
export function isApiRequest(root: SyntaxNode | undefined): root is MappingNode {
  return !!root && root.type === 'mapping' && !!getPair(root, 'UserPoolId') && !getPair(root, 'Resources');
}

/** An API response: top-level `UserPoolClient` object. */
export function isApiResponse(root: SyntaxNode | undefined): root is MappingNode {
  return !!root && root.type === 'mapping' && getValue(root, 'UserPoolClient')?.type === 'mapping';
}

export function loadApiRequest(file: SourceFile, root: MappingNode): AppClient {
  const kind: ClientKind = getPair(root, 'ClientId') ? 'update-request' : 'create-request';
  return {
    kind,
    file,
    name: kind === 'update-request' ? 'UpdateUserPoolClient request' : 'CreateUserPoolClient request',
    // A missing member is reported at the opening of the request object.
    nameSpan: { file, start: root.start, end: root.start + 1 },
    extent: spanOf(file, root),
    properties: plainValue(file, root) as AppClient['properties'],
    // A request has no resources beside it: its pool is not tied.
    userPool: undefined,
    resources: undefined,
  };
}

export function loadApiResponse(file: SourceFile, root: MappingNode): AppClient {
  const pair = getPair(root, 'UserPoolClient')!;
  const body = pair.value as MappingNode;
  return {
    kind: 'client-description',
    file,
    name: 'UserPoolClient',
    nameSpan: spanOf(file, pair.key),
    extent: spanOf(file, body),
    properties: plainValue(file, body) as AppClient['properties'],
    userPool: undefined,
    resources: undefined,
  };
}
