// XML 1.0 text for the XML reports (junit, checkstyle). Markup characters are escaped; tab, newline and
// carriage return in attributes are written as character references, or every XML parser would turn
// them into spaces (attribute-value normalisation). The characters XML 1.0 cannot hold at all, not even
// as a reference (C0 controls, lone surrogates, U+FFFE, U+FFFF), and the C1 controls a terminal would
// act on when someone views the file, are written as a visible `\u001b`: one hostile character in a
// linted file must not make the whole report unreadable to Jenkins.

/** Characters no XML 1.0 document may contain, plus DEL and the C1 controls. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;' };

function visible(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Element content. */
export function xmlText(text: string): string {
  return text.replace(UNSAFE, visible).replace(/[&<>\r]/g, (character) => TEXT_ESCAPES[character]!);
}

/** A double- or single-quoted attribute value. */
export function xmlAttribute(text: string): string {
  return text.replace(UNSAFE, visible).replace(/[&<>"'\t\n\r]/g, (character) => ATTRIBUTE_ESCAPES[character]!);
}

/** `name="value" …` from pairs, values escaped. */
export function xmlAttributes(attributes: ReadonlyArray<readonly [string, string | number]>): string {
  return attributes.map(([name, value]) => `${name}="${xmlAttribute(String(value))}"`).join(' ');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
