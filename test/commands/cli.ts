// Runs the built CLI as a child process, as scripts and pipelines do.
import {spawnSync} from 'node:child_process';
import {builtCli, childEnvironment} from '../helpers.js';

export type CliResult = {status: number; stdout: string; stderr: string};

export function runCli(args: string[], home: string, options: {env?: Record<string, string>; input?: string} = {}): CliResult {
	const result = spawnSync(process.execPath, [builtCli, ...args], {env: childEnvironment(home, options.env), input: options.input ?? '', encoding: 'utf8', timeout: 60_000});
	return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}
