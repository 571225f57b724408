// A colleague's reviewer name with an OSC 52 in it once set the clipboard when a vendor's
// detail was opened in the TUI (issue 21 §3). Names and reasons are stored inert now, and
// entries an older version stored raw are shown inert.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {openDecisionLog} from '../../source/decisions/index.js';
import {runCli} from '../commands/cli.js';
import {keys, startCli, usePtyHome, type Session} from '../e2e/helpers/pty.js';
import {decisionDraft} from '../decisions/helpers.js';
import {forbiddenOutput} from './poison.js';

const clipboard = '\u001B]52;c;ZXZpbA==\u0007';
const home = usePtyHome();
let session: Session | undefined;

it('a hostile reviewer name and reason reach the vendor detail inert, from the settings and from an old raw entry', async () => {
	// A hand-edited settings file (config set would have made it inert already).
	mkdirSync(join(home.path, 'config'), {recursive: true});
	writeFileSync(join(home.path, 'config', 'settings.json'), JSON.stringify({reviewer: `Mallory${clipboard}`}));
	const decided = runCli(
		['decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', `bad${clipboard}\u202Eeno`],
		home.path,
	);
	expect(decided.status, decided.stderr).toBe(0);
	// An entry as an older version stored it: raw.
	await openDecisionLog({env: {VENDOR_RISK_HOME: home.path}}).append(
		decisionDraft({reviewer: `Old${clipboard}Timer`, rationale: `older${clipboard}\u200Bnote`, vendorId: 'kaspersky'}),
	);
	session = startCli([], {home: home.path, columns: 120, rows: 40});
	await session.waitFor(screen => screen.includes('Kaspersky') && !screen.includes('loading…'), 'the decision log loaded');
	// Open Kaspersky whatever row the severities put it on.
	session.write('/id:kaspersky');
	await session.waitForText('filter: id:kaspersky');
	session.write(keys.enter);
	session.write(keys.enter);
	await session.waitForText('Old␛]52;');
	session.write(keys.escape);
	await session.waitFor(screen => !screen.includes('lines '), 'back to the table');
	session.write('q');
	expect(await session.exit).toBe(0);
	const output = session.output();
	expect(output).toContain('Mallory␛]52;');
	for (const pattern of forbiddenOutput) expect(output).not.toMatch(pattern);
	expect(output).not.toContain('\u200B');
}, 60_000);
