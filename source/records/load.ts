// Loads and validates a records document; nothing is half-loaded.
import {readLocalInput} from './read-input.js';
import {recordsDocumentSchema, type RecordsDocument} from './schema.js';
import {UserInputError} from '../errors/index.js';
import {decodeByBom, sanitizeDeep, sanitizeText} from '../text/index.js';

/** Far deeper than any records document (about 6 levels); deeper input is hostile or broken. */
const maxDepth = 64;

/** Validates parsed JSON; the error names the input, the JSON path and what was expected. */
export function parseRecordsDocument(json: unknown, inputName: string): RecordsDocument {
	// Checked without recursion before anything recursive (sanitizeDeep, zod) walks it.
	if (nestingDepthOver(json, maxDepth)) {
		throw new UserInputError(
			sanitizeText(
				`${inputName}: invalid records document: JSON nested more than ${maxDepth} levels deep, which no records document is; fix the file or see docs/records.md`,
			),
		);
	}
	// The boundary for records text: control characters become inert before anything can show them.
	const result = recordsDocumentSchema.safeParse(sanitizeDeep(json));
	if (result.success) return result.data;
	const issue = result.error.issues[0]!;
	const path = '$' + issue.path.map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
	// Unknown fields are refused by name, never dropped: a misspelt field would otherwise vanish unseen.
	const reason =
		issue.code === 'unrecognized_keys'
			? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(key => `"${key}"`).join(', ')} (not part of the records format)`
			: issue.message;
	throw new UserInputError(
		sanitizeText(`${inputName}: invalid records document at ${path}: ${reason}; fix the file or see docs/records.md`),
	);
}

function nestingDepthOver(json: unknown, limit: number): boolean {
	const stack: Array<{value: unknown; depth: number}> = [{value: json, depth: 0}];
	while (stack.length > 0) {
		const {value, depth} = stack.pop()!;
		if (typeof value !== 'object' || value === null) continue;
		if (depth >= limit) return true;
		for (const item of Array.isArray(value) ? value : Object.values(value))
			if (typeof item === 'object' && item !== null) stack.push({value: item, depth: depth + 1});
	}
	return false;
}

export function parseRecordsText(text: string, inputName: string): RecordsDocument {
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '')
		throw new UserInputError(
			sanitizeText(`${inputName}: the records file is empty; a records document is JSON with "schemaVersion": 1 (see docs/records.md)`),
		);
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch (error) {
		// V8 quotes the offending text; keep the message to one inert line.
		const reason = sanitizeText((error as Error).message)
			.replace(/\s+/g, ' ')
			.trim();
		throw new UserInputError(sanitizeText(`${inputName}: not valid JSON (${reason}); a records document is JSON with "schemaVersion": 1`));
	}
	return parseRecordsDocument(json, inputName);
}

/**
 * Records files are UTF-8, or UTF-16 when a byte-order mark says so (as Windows tools write them).
 * Read through the one local-input reader: a regular file of at most `maxBytes` (settings.maxInputBytes).
 */
export async function loadRecordsFile(path: string, maxBytes: number): Promise<RecordsDocument> {
	const bytes = await readLocalInput(path, {maxBytes, what: 'records file'});
	return parseRecordsText(decodeByBom(bytes), path);
}
