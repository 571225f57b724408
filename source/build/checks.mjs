// `npm test`'s static checks, side by side: the type check, ESLint, Prettier and the
// layer rules each take 5-17 s and use about one core, so on two cores they finish in
// about the time of the two longest instead of their sum. Each one's output is printed
// whole when it ends, and the run fails when any of them fails.
import {spawn} from 'node:child_process';
import {delimiter, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const env = {...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`};

const checks = [
	['tsc', '--noEmit'],
	['eslint', '.'],
	['prettier', '--check', '.', '--log-level', 'warn'],
	['depcruise', 'source', 'cli.tsx', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
];

function run([command, ...args]) {
	return new Promise(resolve => {
		const child = spawn(command, args, {cwd: root, env, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', data => (output += data));
		child.stderr.on('data', data => (output += data));
		child.on('error', error => resolve({command, status: 1, output: `${error.message}\n`}));
		child.on('close', status => resolve({command, status, output}));
	});
}

const results = await Promise.all(checks.map(run));
for (const {command, status, output} of results) {
	if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
	if (status !== 0) process.stderr.write(`checks: ${command} failed (exit ${status})\n`);
}
process.exit(results.every(result => result.status === 0) ? 0 : 1);
