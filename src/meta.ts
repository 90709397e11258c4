// Facts about the tool itself, for --version and SARIF.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../package.json') as { name: string; version: string; homepage: string };

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;
export const INFORMATION_URI = pkg.homepage;

/** The rule's page at this release's tag, so a report links to the docs of the version that made it. */
export function ruleDocUrl(id: string): string {
  return `${INFORMATION_URI}/blob/v${TOOL_VERSION}/docs/rules/${id}.md`;
}
