// `vendor-risk sources`, `sources add` and `sources remove`: the configured list sources
// and the state of their cached data. Only names of secrets are stored, never values.
import {basename, extname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {exitCodes, UserInputError} from '../errors/index.js';
import {inputByteLimit, openSettings, type SourceSetting} from '../settings/index.js';
import {checkLocalInput, sourceFormats, type SourceFormat} from '../records/index.js';
import {displayLocation, loadCachedSources, looksLikeUrl, removeSourceCache, urlRefusal} from '../sources/index.js';
import {formatAge, formatTimestamp, displayText} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';

function shorten(text: string, width: number): string {
	if (stringWidth(text) <= width) return text;
	let result = '';
	for (const character of text) {
		if (stringWidth(result + character) > width - 1) break;
		result += character;
	}
	return `${result}…`;
}

/** A plain aligned table: columns padded to their widest cell, the last one left ragged. */
export function alignedTable(rows: string[][]): string {
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => stringWidth(row[column] ?? ''))));
	return rows
		.map(row =>
			row
				.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column]! - stringWidth(cell))))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

/** `vendor-risk sources`: every source with its last fetch, entry count, cache age and state. */
export async function runSources(io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		// Checked against its hash: damaged cached data is never listed as ok.
		const cached = await loadCachedSources(io.env, {data: false, verify: true});
		if (cached.length === 0) {
			io.stdout.write('No sources configured. Add one with: vendor-risk sources add <url-or-path>\n');
			return exitCodes.ok;
		}
		const rows = [['NAME', 'FORMAT', 'ENTRIES', 'FETCHED', 'AGE', 'LOCATION', 'STATE']];
		for (const source of cached) {
			const {setting, meta} = source;
			const fetched = source.ageMs !== null && meta?.fetchedAt ? formatTimestamp(meta.fetchedAt) : '-';
			rows.push([
				shorten(displayText(setting.name), 30),
				meta?.format ?? setting.format ?? 'auto',
				source.ageMs !== null && meta?.entryCount !== null && meta?.entryCount !== undefined ? String(meta.entryCount) : '-',
				fetched,
				source.ageMs !== null ? formatAge(source.ageMs) : '-',
				shorten(displayText(displayLocation(setting.location)), 50),
				source.why ? `${source.state}: ${displayText(source.why)}` : source.state,
			]);
		}
		io.stdout.write(`${alignedTable(rows)}\n`);
		return exitCodes.ok;
	});
}

export type SourcesAddOptions = {location: string; name?: string; format?: string; authEnv?: string; allowHttp?: boolean};

function defaultName(location: string): string {
	if (looksLikeUrl(location)) return new URL(location).hostname;
	return basename(location, extname(location)) || basename(location);
}

/** Checks the location and returns it as stored: a URL as given, a path made absolute. */
async function checkedLocation(raw: string, allowHttp: boolean, env: NodeJS.ProcessEnv): Promise<string> {
	let location = raw.trim();
	if (!location) throw new UserInputError('sources add: give an http(s) URL or a file path');
	if (/^file:\/\//i.test(location)) location = fileURLToPath(location);
	if (looksLikeUrl(location)) {
		let url: URL;
		try {
			url = new URL(location);
		} catch {
			throw new UserInputError(`${displayLocation(location)}: not a valid URL; check it`);
		}
		if (url.username || url.password) {
			throw new UserInputError(
				`${displayLocation(location)}: credentials in the URL would be saved in the settings; put the token in an environment variable and pass --auth-env NAME`,
			);
		}
		const refusal = urlRefusal(url, allowHttp);
		if (refusal) throw new UserInputError(`${displayLocation(url.href)}: ${refusal}`);
		return url.href;
	}
	const path = resolve(location);
	// The one local-input reader's checks: a regular file (named for what it is otherwise) within maxInputBytes.
	await checkLocalInput(path, {maxBytes: inputByteLimit(env), what: 'list file'});
	return path;
}

/** `vendor-risk sources add <location>`: validates and saves a source; exit 2 on bad input. */
export async function runSourcesAdd(options: SourcesAddOptions, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const location = await checkedLocation(options.location, options.allowHttp === true, io.env);
		if (options.format !== undefined && !sourceFormats.includes(options.format as SourceFormat)) {
			throw new UserInputError(`--format ${displayText(options.format)}: unknown format; use one of ${sourceFormats.join(', ')}`);
		}
		if (options.authEnv !== undefined) {
			if (!/^[A-Za-z_]\w*$/.test(options.authEnv))
				throw new UserInputError(
					`--auth-env ${displayText(options.authEnv)}: give the name of an environment variable (letters, digits, _), not its value`,
				);
			if (!looksLikeUrl(location)) throw new UserInputError('--auth-env applies to URLs only; a local file needs no token');
		}
		const name = (options.name ?? defaultName(location)).trim();
		if (!name || name.length > 64 || displayText(name) !== name) {
			throw new UserInputError(`source name "${displayText(name)}": use 1 to 64 printable characters (pass --name)`);
		}
		const settings = openSettings(io.env);
		const sources = settings.get('sources') ?? [];
		if (sources.some(source => source.name.toLowerCase() === name.toLowerCase())) {
			throw new UserInputError(
				`a source named "${name}" already exists; choose another name with --name, or remove it first (vendor-risk sources remove "${name}")`,
			);
		}
		const setting: SourceSetting = {name, location};
		if (options.format) setting.format = options.format as SourceFormat;
		if (options.authEnv) setting.authEnv = options.authEnv;
		if (options.allowHttp && looksLikeUrl(location) && location.startsWith('http:')) setting.allowHttp = true;
		settings.set('sources', [...sources, setting]);
		io.stdout.write(`Added source "${name}" (${displayLocation(location)}). Run vendor-risk fetch to download it.\n`);
		if (options.authEnv && !io.env[options.authEnv]) {
			io.stderr.write(`Note: ${options.authEnv} is not set in this shell; set it before running vendor-risk fetch.\n`);
		}
		return exitCodes.ok;
	});
}

/** `vendor-risk sources remove <name>`: forgets a source and its cached data; exit 2 if unknown. */
export async function runSourcesRemove(name: string, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const settings = openSettings(io.env);
		const sources = settings.get('sources') ?? [];
		const match = sources.find(source => source.name === name) ?? sources.find(source => source.name.toLowerCase() === name.toLowerCase());
		if (!match) {
			const known = sources.length > 0 ? `; configured: ${sources.map(source => source.name).join(', ')}` : '';
			throw new UserInputError(`no source named "${displayText(name)}"${displayText(known)}`);
		}
		settings.set(
			'sources',
			sources.filter(source => source !== match),
		);
		removeSourceCache(io.env, match.name);
		io.stdout.write(`Removed source "${displayText(match.name)}" and its cached data.\n`);
		return exitCodes.ok;
	});
}
