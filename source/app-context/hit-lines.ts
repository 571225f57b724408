// The "Screening hits" section of a vendor's detail: each hit with why it was raised.
import type {DetailLine, DetailSection} from '../tables/index.js';
import type {ScreeningHit, TokenScore} from '../screening/index.js';
import type {JudgedHit} from './screening.js';
import {displayText} from '../text/index.js';

const stateLabel = (hit: JudgedHit) =>
	hit.state === 'undecided' ? (hit.stale ? 'undecided (raised again: a side changed)' : 'undecided') : hit.state;

/** Tokens as the explanations print them: `huawey~huawei 0.95 (w 1.00/1.00)`, an unpaired side as ∅. */
export function describeTokens(tokenScores: readonly TokenScore[]): string {
	const weight = (value: number | null) => (value === null ? '-' : value.toFixed(2));
	return tokenScores
		.map(token => `${token.a ?? '∅'}~${token.b ?? '∅'} ${token.score.toFixed(2)} (w ${weight(token.weightA)}/${weight(token.weightB)})`)
		.join('  ');
}

/** The name screened and whose it is, when not the vendor's own: `"Hikvision" (parent company)`. */
export function queryLabel(hit: Pick<ScreeningHit, 'queryName' | 'via' | 'explanation'>): string {
	const whose = hit.via ? ` (name of curated ${hit.via})` : hit.explanation.queryRole === 'parent' ? ' (parent company)' : '';
	return `"${hit.queryName}"${whose}`;
}

export function hitSection(hits: readonly JudgedHit[], focusedEntryId: string | undefined, joins: readonly string[]): DetailSection[] {
	const lines: DetailLine[] = [];
	if (joins.length)
		lines.push({
			text: `  joined to curated vendor${joins.length > 1 ? 's' : ''}: ${joins.join(', ')} (their restrictions are listed below)`,
			tone: 'dim',
		});
	if (hits.length === 0) lines.push({text: '  no screening hits against the fetched lists'});
	hits.forEach((hit, index) => {
		const focused = hit.entry.id === focusedEntryId;
		const e = hit.explanation;
		const what = hit.kind === 'curated' ? 'curated vendor' : 'hit';
		lines.push({
			text: `${focused ? '▶' : ' '} ${what} ${index + 1}/${hits.length}  [${stateLabel(hit)}]  score ${hit.score.toFixed(2)}  ${hit.entry.name}`,
			tone: hit.state === 'undecided' ? 'warn' : hit.state === 'confirmed-match' ? 'warn' : 'good',
		});
		lines.push({
			text: `    list: ${e.list}  entry ${e.entryId}${e.programs.length ? `  programmes ${e.programs.join(', ')}` : ''}${e.listedOn ? `  listed ${e.listedOn}` : ''}`,
		});
		lines.push({text: `    ${queryLabel(hit)} met "${e.listName}"`});
		lines.push({text: `    normalised: ${e.normalizedQuery}  ~  ${e.normalizedList}`, tone: 'dim'});
		lines.push({text: `    tokens: ${describeTokens(e.tokenScores)}  · country ${e.countryAgreement}`, tone: 'dim'});
		if (e.notes.length) lines.push({text: `    note: ${e.notes.join('; ')}`, tone: 'dim'});
	});
	if (hits.length) lines.push({text: '  Tab focuses the next hit · x confirmed match · n false positive', tone: 'dim'});
	// Names come from lists and inventories: invisible characters in them are shown, not hidden.
	return [{title: `Screening hits (${hits.length})`, lines: lines.map(line => ({...line, text: displayText(line.text)}))}];
}
