// Facts about the tool itself, for --version and SARIF.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../package.json') as { name: string; version: string; homepage: string };

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;
export const INFORMATION_URI = pkg.homepage;

export function ruleDocUrl(id: string): string {
  return `${INFORMATION_URI}/blob/main/docs/rules/${id}.md`;
}
