import { defineRule } from '../src/rule';
import { memberName } from '../src/message';
import { stringItems } from '../src/rule-helpers';
import { closestName } from '../src/text';
import { CUSTOM_PREFIX, STANDARD_ATTRIBUTES } from '../src/rules-support/attributes';

/** Developer-only attributes (`dev:custom:x`) are no client's to read or write: not judged here. */
const DEVELOPER_PREFIX = 'dev:';

export default defineRule({
  meta: {
    id: 'attribute-defined',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'Read or write attribute that does not exist',
    description:
      'Every ReadAttributes and WriteAttributes entry is a standard user pool attribute or, when the client is tied to a user pool defined in the same file, a custom: attribute of that pool\'s Schema.',
    rationale:
      'CreateUserPoolClient and UpdateUserPoolClient fail with "Invalid read attributes specified" (or write attributes) when an entry is neither a standard attribute nor an attribute of the pool, which fails the stack deployment or the Terraform apply. Standard attribute names are fixed and checked everywhere; custom attributes are checked only when the client\'s UserPoolId refers to a user pool defined in the same template or module whose Schema is known.',
    precision: 'high',
    messages: {
      unknownStandard:
        '{{list}} has "{{attribute}}", which is not a standard attribute and has no custom: prefix; Cognito rejects the client with "Invalid {{kind}} attributes specified". {{suggestion}}',
      undefinedCustom:
        '{{list}} has "{{attribute}}", which is not in the Schema of user pool {{pool}} ({{defined}}); Cognito rejects the client with "Invalid {{kind}} attributes specified". {{suggestion}}',
    },
  },
  checkClient(context) {
    const { client, report } = context;
    for (const list of ['ReadAttributes', 'WriteAttributes'] as const) {
      const kind = list === 'ReadAttributes' ? 'read' : 'write';
      for (const item of stringItems(client, list)) {
        const name = item.value;
        if (STANDARD_ATTRIBUTES.includes(name) || name.startsWith(DEVELOPER_PREFIX)) continue;
        if (!name.startsWith(CUSTOM_PREFIX)) {
          const closest = closestName(name, STANDARD_ATTRIBUTES);
          const suggestion = closest ? `Did you mean "${closest}"?` : `Use a standard attribute, or ${CUSTOM_PREFIX}<name> for a custom one.`;
          report({ messageId: 'unknownStandard', data: { list: memberName(list), attribute: name, kind, suggestion }, at: item.node, path: item.path });
          continue;
        }
        // Read only now: in Terraform the pool may be in the module's other files.
        const pool = context.pool?.userPool;
        if (!pool?.schemaAttributes) continue;
        const custom = pool.schemaAttributes.filter((attribute) => !STANDARD_ATTRIBUTES.includes(attribute)).map((attribute) => (attribute.startsWith(CUSTOM_PREFIX) ? attribute : CUSTOM_PREFIX + attribute));
        if (custom.includes(name)) continue;
        const closest = closestName(name, custom);
        const suggestion = closest ? `Did you mean "${closest}"?` : `Add ${name.slice(CUSTOM_PREFIX.length)} to the pool's Schema, or correct the name.`;
        const defined = custom.length === 0 ? 'it defines no custom attributes' : `custom attributes: ${custom.join(', ')}`;
        report({ messageId: 'undefinedCustom', data: { list: memberName(list), attribute: name, kind, pool: pool.name, defined, suggestion }, at: item.node, path: item.path });
      }
    }
  },
});
