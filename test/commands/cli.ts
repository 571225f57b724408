// Runs the built CLI as a child process, as scripts and pipelines do.
import {spawn, spawnSync} from 'node:child_process';
import {builtCli, childEnvironment} from '../helpers.js';

export type CliResult = {status: number; stdout: string; stderr: string};

export function runCli(args: string[], home: string, options: {env?: Record<string, string>; input?: string} = {}): CliResult {
	const result = spawnSync(process.execPath, [builtCli, ...args], {
		env: childEnvironment(home, options.env),
		input: options.input ?? '',
		encoding: 'utf8',
		timeout: 60_000,
	});
	return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

/** The same, without blocking the event loop: needed when this process also serves HTTP to the child. */
export function runCliAsync(args: string[], home: string, options: {env?: Record<string, string>} = {}): Promise<CliResult> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [builtCli, ...args], {
			env: childEnvironment(home, options.env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('close', code => resolve({status: code ?? -1, stdout, stderr}));
	});
}
