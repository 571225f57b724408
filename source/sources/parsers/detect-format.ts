// Recognises a list format from the start of its content; the file name is only
// a tie-breaker. Returns null rather than guessing.
import type {SourceFormat} from '../../records/index.js';

export function detectFormat(head: string, fileName: string): SourceFormat | null {
	const text = head.replace(/^\uFEFF/, '').trimStart();
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	if (text.startsWith('<')) {
		// Enhanced XML (sanctionsData) goes to the OFAC XML parser too, which explains that it is not supported.
		return /<(?:\w+:)?(?:sdnList|sanctionsData)[\s>]/.test(text) ? 'ofac-xml' : null;
	}
	if (text.startsWith('{')) {
		if (isFtmLine(firstLine)) return 'opensanctions-ftm';
		if (/"schemaVersion"\s*:/.test(text)) return 'records';
		if (/"results"\s*:\s*\[/.test(text)) return 'csl-json';
		return null;
	}
	if (text.startsWith('[')) {
		return /^\[\s*(?:\]|\{[^]*?"(?:source|name)"\s*:)/.test(text) ? 'csl-json' : null;
	}
	const header = firstLine.replaceAll('"', '');
	if (/^_id,source,|^source,entity_number,/.test(header)) return 'csl-csv';
	if (/^id,schema,name(?:,|$)/.test(header)) return 'opensanctions-csv';
	if (/^\d+,/.test(firstLine) && (text.includes('-0-') || /sdn[^/\\]*\.csv$/i.test(fileName))) return 'ofac-csv';
	return null;
}

function isFtmLine(line: string): boolean {
	try {
		const value = JSON.parse(line) as unknown;
		return typeof value === 'object' && value !== null && 'schema' in value && 'properties' in value;
	} catch {
		return false;
	}
}
