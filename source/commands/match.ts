// `vendor-risk match`: explains how two names compare, or scores a CSV of pairs,
// so reviewers can see (and test) why the screener did or did not flag a name.
import {parse} from 'csv-parse/sync';
import {defaultThreshold, scoreNames, type NameScore} from '../screening/index.js';
import {decodeByBom, displayText, inertJson} from '../text/index.js';
import {UserInputError} from '../errors/index.js';
import {readLocalInput} from '../records/index.js';
import {inputByteLimit} from '../settings/index.js';
import {reporting, type CommandIO} from './io.js';

export type MatchArgs = {a?: string; b?: string; pairsFile?: string; json: boolean};

export async function runMatch(args: MatchArgs, io: CommandIO): Promise<number> {
	return reporting(io, () => matchOrPairs(args, io));
}

async function matchOrPairs(args: MatchArgs, io: CommandIO): Promise<number> {
	if (args.pairsFile !== undefined) {
		if (args.a !== undefined || args.b !== undefined) throw usage('give either two names or --pairs <file>, not both');
		return runPairs(args.pairsFile, io);
	}
	if (args.a === undefined || args.b === undefined || args.a.trim() === '' || args.b.trim() === '')
		throw usage('expected two names, e.g. vendor-risk match "Kaspersky Lab" "AO Kaspersky Lab"');
	const result = scoreNames(args.a, args.b);
	const match = result.score >= defaultThreshold;
	if (args.json) {
		io.stdout.write(
			`${inertJson({name_a: args.a, name_b: args.b, score: round(result.score), match, threshold: defaultThreshold, normalized_a: result.normalizedA, normalized_b: result.normalizedB, tokens: result.tokenScores, notes: result.notes})}\n`,
		);
	} else {
		io.stdout.write(explain(args.a, args.b, result, match));
	}
	return 0;
}

function explain(a: string, b: string, result: NameScore, match: boolean): string {
	const lines = [
		`A: ${a}`,
		`   normalised: ${result.normalizedA || '(nothing left)'}`,
		`B: ${b}`,
		`   normalised: ${result.normalizedB || '(nothing left)'}`,
		"Tokens (similarity, then each side's weight):",
		...result.tokenScores.map(
			token =>
				`   ${(token.a ?? '-').padEnd(20)} ${(token.b ?? '-').padEnd(20)} ${token.score.toFixed(3)}  w ${weight(token.weightA)}/${weight(token.weightB)}`,
		),
		...result.notes.map(note => `Note: ${note}`),
		`Score: ${result.score.toFixed(3)} (threshold ${defaultThreshold}): ${match ? 'match' : 'no match'}`,
	];
	// Names, their normalised forms and tokens all come from outside: shown inert, nothing hidden.
	return `${lines.map(line => displayText(line)).join('\n')}\n`;
}

async function runPairs(path: string, io: CommandIO): Promise<number> {
	// The one local-input reader (a regular file within maxInputBytes), and one line ending for csv-parse.
	const text = decodeByBom(await readLocalInput(path, {maxBytes: inputByteLimit(io.env), what: 'pairs file'})).replace(/\r\n?/g, '\n');
	let rows: Array<Record<string, string>>;
	try {
		rows = parse(text, {
			columns: header => header.map((name: string) => name.trim().toLowerCase()),
			bom: true,
			skip_empty_lines: true,
			relax_column_count: true,
		}) as Array<Record<string, string>>;
	} catch (error) {
		throw usage(`${path}: not readable as CSV: ${(error as Error).message}`);
	}
	if (rows.length > 0 && (!('name_a' in rows[0]!) || !('name_b' in rows[0]!)))
		throw usage(`${path}: expected a header row with columns name_a,name_b`);
	for (const row of rows) {
		const nameA = row.name_a ?? '';
		const nameB = row.name_b ?? '';
		const {score} = scoreNames(nameA, nameB);
		io.stdout.write(`${inertJson({name_a: nameA, name_b: nameB, score: round(score), match: score >= defaultThreshold})}\n`);
	}
	return 0;
}

const weight = (value: number | null) => (value === null ? '-' : value.toFixed(2));

const usage = (message: string) => new UserInputError(`match: ${message}`);

function round(value: number): number {
	return Math.round(value * 10_000) / 10_000;
}
