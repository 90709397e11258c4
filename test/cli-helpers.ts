import { main } from '../src/cli';
import { REPO_ROOT } from './golden';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, from the repository root unless told otherwise. */
export async function runCli(args: string[], cwd = REPO_ROOT, env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTTY: false,
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}
