// A detail screen's content as data: lines with a tone, in titled sections. The
// app-context builds sections (decision history, screening hits) and the UI draws them.
import {severityOf, type Restriction} from '../records/index.js';

export type DetailLine = {
	text: string;
	tone?: 'heading' | 'dim' | 'warn' | 'good';
	/** What `y` copies while this line has the focus: its URL or citation, whole. */
	copy?: string;
	/** The restriction whose entry starts on this line: where Enter on that restriction opens the vendor. */
	anchor?: string;
	/** Enter on this line moves the focus to the line with this anchor (a summary line to its restriction in full). */
	jumpTo?: string;
};

/** Extra sections that later capabilities add to a vendor's detail (decision history, screening hits). */
export type DetailSection = {title: string; lines: DetailLine[]};

/**
 * What a restriction's detail adds under its citation and sources: whom it
 * applies to when not the company ("executives designated"), its verification
 * and its evidence note, so every fact shows how well it was seen.
 */
export function restrictionEvidenceLines(restriction: Pick<Restriction, 'kind' | 'target' | 'verification' | 'evidence'>): DetailLine[] {
	const lines: DetailLine[] = [];
	if (restriction.target === 'persons')
		lines.push({
			text: `    ${severityOf(restriction).label}: persons only, not the company (ranks below any restriction on the company)`,
			tone: 'dim',
		});
	lines.push({text: `    verification: ${restriction.verification}`, tone: restriction.verification === 'likely' ? 'warn' : 'dim'});
	if (restriction.evidence) lines.push({text: `    evidence: ${restriction.evidence}`, tone: 'dim'});
	return lines;
}
