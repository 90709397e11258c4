import { defineRule } from '../src/rule';

export default defineRule({
  meta: {
    id: 'duplicate-key',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Duplicate key in a client definition',
    description: 'A mapping repeats a key; JSON.parse and the AWS CLI silently keep only the last one.',
    rationale:
      'JSON.parse and the AWS CLI (Python\'s json module) keep the last of two equal keys without a word, so the first setting is silently lost: a reviewer reads one value and another is deployed. Other tools may keep either value or reject the file.',
    precision: 'very-high',
    messages: {
      repeated: 'Key "{{key}}" repeats the key at line {{line}}; JSON.parse and the AWS CLI keep only this last value, and other tools may keep the first or reject the file. Remove one of the two.',
    },
  },
  checkFile({ loaded, report }) {
    for (const duplicate of loaded.duplicateKeys) {
      const first = duplicate.first.file.positionAt(duplicate.first.start);
      report({
        messageId: 'repeated',
        data: { key: duplicate.key, line: first.line },
        at: duplicate.second,
        path: duplicate.key,
        related: [{ span: duplicate.first, message: `first "${duplicate.key}"` }],
      });
    }
  },
});
