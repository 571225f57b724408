// What the config file may hold for the TUI, read without trusting it: columns
// per view, saved views and a theme; anything malformed is named and ignored.
import {describe, expect, it} from 'vitest';
import {parsePreferences} from '../../source/ui/preferences.js';
import {defaultTheme, isColour, parseTheme} from '../../source/ui/theme.js';

describe('preferences from the config file', () => {
	it('reads columns per view and saved views', () => {
		const {preferences, problems} = parsePreferences({
			columns: {vendors: {order: ['name', 'hq'], hidden: ['hq']}},
			savedViews: [{name: 'cn-due', view: 'vendors', filter: 'hq:CN', sort: {column: 'next', descending: false}}],
		});
		expect(problems).toEqual([]);
		expect(preferences.columns.vendors).toEqual({order: ['name', 'hq'], hidden: ['hq']});
		expect(preferences.savedViews).toEqual([{name: 'cn-due', view: 'vendors', filter: 'hq:CN', sort: {column: 'next', descending: false}}]);
	});

	it('ignores what it cannot use, a line for each, and keeps the rest', () => {
		const {preferences, problems} = parsePreferences({
			columns: {nowhere: {order: [], hidden: []}, vendors: {order: 'name'}, restrictions: {order: ['vendor'], hidden: []}},
			savedViews: [
				{name: 'has space', view: 'vendors', filter: '', sort: null},
				{name: 'ok', view: 'nowhere', filter: '', sort: null},
				{name: 'sorted', view: 'timeline', filter: '', sort: {column: 'date'}},
				{name: 'kept', view: 'timeline', filter: 'upcoming:yes', sort: null},
			],
		});
		expect(Object.keys(preferences.columns)).toEqual(['restrictions']);
		expect(preferences.savedViews.map(saved => saved.name)).toEqual(['kept']);
		expect(problems).toHaveLength(5);
		expect(parsePreferences({columns: [], savedViews: {}}).problems).toHaveLength(2);
		expect(parsePreferences({}).problems).toEqual([]);
	});
});

describe('the theme', () => {
	it('takes colours by role over the shipped ones', () => {
		expect(parseTheme({selection: 'blue', warn: '#ffaf00'}).theme).toEqual({...defaultTheme, selection: 'blue', warn: '#ffaf00'});
		expect(parseTheme(undefined)).toEqual({theme: defaultTheme, problems: []});
	});

	it('names roles and colours it cannot use', () => {
		const {theme, problems} = parseTheme({selection: 'bleu', border: 'red', error: 'ansi256(196)'});
		expect(theme).toEqual({...defaultTheme, error: 'ansi256(196)'});
		expect(problems).toEqual([
			'config theme.selection: "bleu" is not a colour (a name such as blue, or #rrggbb)',
			'config theme.border: no such role; roles are selection, statusBar, heading, warn, good, error',
		]);
	});

	it('knows the colours Ink draws', () => {
		for (const colour of ['cyan', 'gray', 'magentaBright', '#fff', '#00ff7f', 'rgb(1, 2, 3)', 'ansi256(42)'])
			expect(isColour(colour), colour).toBe(true);
		for (const colour of ['', 'purple', '#12', 'rgb(1,2)', 'ansi256(x)']) expect(isColour(colour), colour).toBe(false);
	});
});
