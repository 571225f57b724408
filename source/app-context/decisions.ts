// Joins the decision log to a run: each vendor's current decision for the
// tables, its history for the detail view, and the context `decide` needs.
import {
	currentDecisionStatus,
	fingerprintVendor,
	openDecisionLog,
	sha256Hex,
	canonicalJson,
	type DecisionContext,
	type DecisionLog,
	type LogEntry,
	type SourceVersion,
} from '../decisions/index.js';
import type {DecisionSummary} from '../tables/index.js';
import type {DetailLine, DetailSection} from '../tables/index.js';
import type {RunContext} from './run-context.js';
import {countOf, displayText} from '../text/index.js';

export function decisionContextFor(context: RunContext): DecisionContext {
	const fingerprints = new Map<string, string>();
	let versions: SourceVersion[] | null = null;
	return {
		vendorExists: id => context.catalog.vendorById.has(id),
		fingerprintOf(id) {
			let fingerprint = fingerprints.get(id);
			if (!fingerprint) {
				fingerprint = fingerprintVendor(context.catalog.vendorById.get(id)!, context.catalog.restrictionsByVendor.get(id) ?? []);
				fingerprints.set(id, fingerprint);
			}
			return fingerprint;
		},
		sourceVersions() {
			// The records layers (embedded data, --records, feeds) by content, then fetched lists by their cache metadata.
			versions ??= [
				...context.layers.map(layer => ({
					sourceId: layer.name,
					fetchedAt: layer.document.asOf,
					contentHash: sha256Hex(canonicalJson(layer.document)),
				})),
				...context.sourceVersions.filter(version => !context.layers.some(layer => layer.name === version.sourceId)),
			];
			return versions;
		},
	};
}

const stateLabels: Record<string, (outcome: string) => string> = {
	current: outcome => outcome,
	stale: outcome => `stale: ${outcome}`,
	due: outcome => `due: ${outcome}`,
};

export function decisionSummaries(
	entries: readonly LogEntry[],
	context: RunContext,
	decisionContext: DecisionContext,
): (vendorId: string) => DecisionSummary | null {
	const decided = new Set(entries.map(entry => entry.vendorId));
	const cache = new Map<string, DecisionSummary | null>();
	return vendorId => {
		if (!decided.has(vendorId) || !context.catalog.vendorById.has(vendorId)) return null;
		if (!cache.has(vendorId)) {
			const status = currentDecisionStatus(entries, vendorId, decisionContext.fingerprintOf(vendorId), context.asOf);
			const label = status.decision ? stateLabels[status.state]!(status.decision.outcome) : status.state === 'revoked' ? 'revoked' : '—';
			cache.set(vendorId, {
				label,
				reviewBy: status.decision?.reviewBy ?? null,
				needsReview: status.state !== 'current',
				state: status.state,
			});
		}
		return cache.get(vendorId)!;
	};
}

export function decisionHistory(
	entries: readonly LogEntry[],
	vendorId: string,
	context: RunContext,
	decisionContext: DecisionContext,
): DetailSection[] {
	const mine = entries.filter(entry => entry.vendorId === vendorId);
	if (mine.length === 0) return [{title: 'Decisions', lines: [{text: '  none yet: press d to decide'}]}];
	const status = context.catalog.vendorById.has(vendorId)
		? currentDecisionStatus(entries, vendorId, decisionContext.fingerprintOf(vendorId), context.asOf)
		: null;
	const lines: DetailLine[] = [];
	if (status) lines.push({text: `  now: ${status.message}`, tone: status.state === 'current' ? 'good' : 'warn'});
	for (const entry of [...mine].reverse()) {
		const when = entry.at.replace('T', ' ').slice(0, 16);
		if (entry.kind === 'decision') {
			lines.push({
				text: `  ${when}  ${entry.outcome} (${entry.reason}) by ${entry.reviewer}${entry.reviewBy ? `, re-review by ${entry.reviewBy}` : ''}`,
			});
			if (entry.rationale) lines.push({text: `    “${entry.rationale}”`, tone: 'dim'});
		} else if (entry.kind === 'revocation') {
			lines.push({text: `  ${when}  undone by ${entry.reviewer}${entry.rationale ? `: ${entry.rationale}` : ''}`});
		} else {
			lines.push({
				text: `  ${when}  hit ${entry.hit.entryId}: ${entry.disposition} by ${entry.reviewer}${entry.rationale ? ` — ${entry.rationale}` : ''}`,
			});
		}
	}
	// Entries written by older versions (or by hand) may hold anything: shown inert, nothing hidden.
	const shown = lines.map(line => ({...line, text: displayText(line.text)}));
	return [{title: `Decisions (${countOf(mine.length, 'entry', 'entries')})`, lines: shown}];
}

export function openLogFor(env: NodeJS.ProcessEnv = process.env): DecisionLog {
	return openDecisionLog({env});
}
