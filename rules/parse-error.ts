import { defineRule } from '../src/rule';

export default defineRule({
  meta: {
    id: 'parse-error',
    category: 'tool',
    defaultSeverity: 'error',
    title: 'File not parsed or not read',
    description: 'The file could not be read as JSON, YAML or HCL, so its app clients could not be checked.',
    rationale:
      'A file that does not parse cannot be deployed either, and nothing in it was checked. The result sits at the position where the parser stopped; the rest of the run goes on.',
    precision: 'very-high',
    messages: {
      failed: '{{reason}}; nothing in this file was checked. Fix the syntax at this position.',
      notRead: 'The file was not read: {{reason}}. Nothing in it was checked.',
    },
  },
  checkFile({ loaded, report }) {
    const failure = loaded.parseError;
    if (failure) report({ messageId: failure.notRead ? 'notRead' : 'failed', data: { reason: failure.message }, at: failure.span, path: '' });
  },
});
