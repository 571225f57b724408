// Loads and validates a records document; nothing is half-loaded.
import {readFileSync} from 'node:fs';
import {recordsDocumentSchema, type RecordsDocument} from './schema.js';
import {UserInputError} from '../errors/index.js';
import {sanitizeDeep, sanitizeText} from '../text/index.js';

/** Validates parsed JSON; the error names the input, the JSON path and what was expected. */
export function parseRecordsDocument(json: unknown, inputName: string): RecordsDocument {
	// The boundary for records text: control characters become inert before anything can show them.
	const result = recordsDocumentSchema.safeParse(sanitizeDeep(json));
	if (result.success) return result.data;
	const issue = result.error.issues[0]!;
	const path = '$' + issue.path.map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
	throw new UserInputError(sanitizeText(`${inputName}: invalid records document at ${path}: ${issue.message}; fix the file or see docs/records.md`));
}

export function parseRecordsText(text: string, inputName: string): RecordsDocument {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new UserInputError(`${inputName}: not valid JSON (${(error as Error).message}); a records document is JSON with "schemaVersion": 1`);
	}
	return parseRecordsDocument(json, inputName);
}

export function loadRecordsFile(path: string): RecordsDocument {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new UserInputError(`${path}: cannot read the records file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path`);
	}
	return parseRecordsText(text, path);
}
