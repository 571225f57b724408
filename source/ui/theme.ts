// Colours by role, from the config file's `theme` ({"selection": "blue",
// "warn": "#ffaf00"}). Nothing relies on colour alone (the selection has its
// glyph, marks their [x]), and NO_COLOR still wins: the CLI maps it to
// FORCE_COLOR=0, which turns every colour and style off, the theme's included.
import {createContext, useContext} from 'react';

export type Theme = {
	/** Background of the selected row; without it, the row is drawn inverse. */
	selection?: string;
	/** Background of the status bar; without it, inverse. */
	statusBar?: string;
	/** Detail headings and the help's title. */
	heading?: string;
	/** Active restrictions and undecided hits in a detail. */
	warn?: string;
	/** Settled hits, a current decision. */
	good?: string;
	/** A form's error line. */
	error?: string;
};
export const themeRoles = ['selection', 'statusBar', 'heading', 'warn', 'good', 'error'] as const satisfies ReadonlyArray<keyof Theme>;

export const defaultTheme: Theme = {warn: 'yellow', error: 'red'};

const namedColours = [
	'black',
	'red',
	'green',
	'yellow',
	'blue',
	'magenta',
	'cyan',
	'white',
	'gray',
	'grey',
	'blackBright',
	'redBright',
	'greenBright',
	'yellowBright',
	'blueBright',
	'magentaBright',
	'cyanBright',
	'whiteBright',
];

/** A colour Ink draws: a name, #rgb or #rrggbb, ansi256(n) or rgb(r, g, b). */
export function isColour(value: string): boolean {
	return (
		namedColours.includes(value) ||
		/^#(?:[\da-f]{3}|[\da-f]{6})$/i.test(value) ||
		/^ansi256\(\s?\d{1,3}\s?\)$/.test(value) ||
		/^rgb\(\s?\d{1,3},\s?\d{1,3},\s?\d{1,3}\s?\)$/.test(value)
	);
}

/** The shipped theme with the config file's roles over it, and a line for each role that was ignored. */
export function parseTheme(raw: unknown): {theme: Theme; problems: string[]} {
	if (raw === undefined || raw === null) return {theme: defaultTheme, problems: []};
	if (typeof raw !== 'object' || Array.isArray(raw))
		return {theme: defaultTheme, problems: ['config theme: expected an object of roles to colours, e.g. {"selection": "blue"}']};
	const theme: Theme = {...defaultTheme};
	const problems: string[] = [];
	for (const [role, colour] of Object.entries(raw)) {
		const known = themeRoles.find(candidate => candidate === role);
		if (!known) problems.push(`config theme.${role}: no such role; roles are ${themeRoles.join(', ')}`);
		else if (typeof colour !== 'string' || !isColour(colour))
			problems.push(`config theme.${role}: ${JSON.stringify(colour)} is not a colour (a name such as blue, or #rrggbb)`);
		else theme[known] = colour;
	}
	return {theme, problems};
}

export const ThemeContext = createContext<Theme>(defaultTheme);
export const useTheme = (): Theme => useContext(ThemeContext);
