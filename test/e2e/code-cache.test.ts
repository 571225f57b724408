// The code cache for Ink and React lives in the app's home: a damaged one must not matter.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it, vi} from 'vitest';
import {startCli, usePtyHome} from './helpers/pty.js';

const home = usePtyHome();
const cacheFolder = () => join(home.path, 'cache', 'compiled');
const cacheFiles = () => {
	try {
		return readdirSync(cacheFolder()).filter(name => name.endsWith('.cache'));
	} catch {
		return [];
	}
};

// The vendors table once the app has settled: the frames before it ("starting…", "loading…") come and go at their own pace.
const settledTable = (text: string) =>
	text.includes('Kaspersky') && text.includes('shown') && text.includes('q quit') && !text.includes('loading…');

async function openAndQuit(): Promise<string> {
	const session = startCli([], {home: home.path});
	const screen = await session.waitFor(settledTable, 'the vendors table');
	// The cache is written just after the first frame.
	await vi.waitFor(() => expect(cacheFiles()).toHaveLength(1), {timeout: 10_000});
	session.write('q');
	expect(await session.exit).toBe(0);
	return screen;
}

it('paints the same first frame over a damaged code cache and replaces the cache', async () => {
	const first = await openAndQuit();
	const file = join(cacheFolder(), cacheFiles()[0]!);
	const garbage = Buffer.alloc(readFileSync(file).length, 0x5a);
	writeFileSync(file, garbage);
	const session = startCli([], {home: home.path});
	expect(await session.waitFor(settledTable, 'the vendors table')).toBe(first);
	await vi.waitFor(() => expect(readFileSync(file).equals(garbage)).toBe(false), {timeout: 10_000});
	session.write('q');
	expect(await session.exit).toBe(0);
});
