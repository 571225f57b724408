// Which inventory rows are one vendor, and the vendor's id. Decisions are kept against
// that id, so it must follow from what a row says (an explicit id, or the normalised
// name plus the website's domain), never from where the row sits in the file.
import {transliterate} from 'transliteration';
import {sha256Hex} from '../text/index.js';

// Printable ASCII is its own NFKC form and transliteration, and has no marks to strip: the common
// name skips all three (transliterate alone was a third of parsing a 10,000-row inventory).
const printableAscii = /^[\u0020-\u007E]*$/;

export function slugify(name: string): string {
	const latin = printableAscii.test(name) ? name : transliterate(name.normalize('NFKC')).normalize('NFD').replace(/\p{M}/gu, '');
	const slug = latin
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || unsluggedId(name);
}

/**
 * The id of a name that leaves no letter or digit once transliterated (a script the
 * transliterator does not know, or punctuation only): "vendor-" and the start of a hash
 * of the name, so that two such vendors stay two, and each keeps its id on any row order.
 */
export function unsluggedId(name: string): string {
	return `vendor-${sha256Hex(name.normalize('NFC')).slice(0, 10)}`;
}

/** "https://www.Acme.com:443/about" → "acme.com"; null when the text names no host. */
export function domainOf(website: string | null): string | null {
	if (!website) return null;
	const host = website
		.trim()
		.toLowerCase()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
		.replace(/^[^@/]*@/, '')
		.split(/[/?#:\s]/)[0]!
		.replace(/^www\d*\./, '')
		.replace(/\.+$/, '');
	return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(host) ? host : null;
}

/** What a row says about who it is. */
export type RowIdentity = {explicitId: string | null; name: string; website: string | null; source: string};

export type IdentityGroups = {
	/** For each row (by index), the key of the vendor it belongs to. */
	keys: string[];
	/** For each key, the vendor's id. */
	ids: Map<string, string>;
	/** Rows whose vendor could not be told apart from others: a line each, for the reviewer. */
	problems: string[];
};

/**
 * Groups rows into vendors and names each, independent of row order: an explicit id
 * wins; otherwise the name's slug plus the website's domain. A row without a website
 * joins the one vendor of that name that has one; when several of that name have
 * different websites it cannot say which it is, so it stands alone and is reported.
 */
export function groupByIdentity(rows: readonly RowIdentity[]): IdentityGroups {
	const problems: string[] = [];
	const domainsBySlug = new Map<string, Set<string>>();
	const described = rows.map(row => {
		const slug = slugify(row.name);
		const domain = domainOf(row.website);
		if (row.explicitId === null && domain) domainsBySlug.set(slug, (domainsBySlug.get(slug) ?? new Set()).add(domain));
		return {row, slug, domain};
	});
	const keys = described.map(({row, slug, domain}) => {
		if (row.explicitId !== null) return `id:${slugify(row.explicitId)}`;
		const domains = domainsBySlug.get(slug);
		if (domain) return `name:${slug}@${domain}`;
		if (domains?.size === 1) return `name:${slug}@${[...domains][0]!}`;
		if (domains && domains.size > 1)
			problems.push(
				`${row.source}: "${row.name}" has no website or id, and other rows of that name have different websites (${[...domains].sort().join(', ')}); read as a vendor of its own: add an id column to say which it is`,
			);
		return `name:${slug}`;
	});
	return {keys, ids: idsOf(keys, domainsBySlug), problems};
}

function idsOf(keys: readonly string[], domainsBySlug: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string> {
	const ids = new Map<string, string>();
	const explicit = new Set<string>();
	for (const key of keys) if (key.startsWith('id:')) explicit.add(key.slice(3));
	const unique = new Set(keys);
	for (const key of unique) {
		if (key.startsWith('id:')) {
			ids.set(key, key.slice(3));
			continue;
		}
		const [slug, domain] = key.slice(5).split('@') as [string, string | undefined];
		// The bare slug while the name is unique; with several websites under one name, each domain names its vendor.
		const shared = (domainsBySlug.get(slug)?.size ?? 0) > 1 || unique.has(`name:${slug}`);
		let id = domain && shared ? `${slug}-${slugify(domain)}` : slug;
		if (explicit.has(id)) id = `${id}-by-name`;
		ids.set(key, id);
	}
	return ids;
}
