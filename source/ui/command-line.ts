// The `:` command line, as k9s's: a verb and maybe one argument, Tab completing
// either from what exists (views, saved views, the view's columns), the
// candidates shown as you type. Parsing and completion here; running a verb is
// the dispatcher's (command-run.ts), since it moves the whole app.
import {textField, type TextField} from './text-field.js';
import {viewNames} from './views.js';

export type CommandLine = {
	field: TextField;
	/** What Tab can complete the word at the end to. */
	candidates: readonly string[];
	/** Which candidate repeated Tabs are on, or -1 before cycling. */
	cycle: number;
	error: string | null;
};

/** What completion draws on, from the app's state. */
export type CompletionSources = {savedViews: readonly string[]; columns: readonly string[]};

type Verb = {name: string; usage: string; help: string; argument?: keyof CompletionSources};

export const verbs: readonly Verb[] = [
	{name: 'view', usage: 'view NAME', help: 'recall a saved view (its view, filter and sort)', argument: 'savedViews'},
	{name: 'save', usage: 'save NAME', help: "save this view's filter and sort as NAME", argument: 'savedViews'},
	{name: 'delete', usage: 'delete NAME', help: 'forget a saved view', argument: 'savedViews'},
	{name: 'columns', usage: 'columns', help: 'hide, show or reorder the columns'},
	{name: 'freq', usage: 'freq [COLUMN]', help: 'how often each value of a column occurs', argument: 'columns'},
	{name: 'sort', usage: 'sort COLUMN [desc]', help: 'sort by a column', argument: 'columns'},
	{name: 'filter', usage: 'filter TEXT', help: 'filter the view (the / language)'},
	...viewNames.map(name => ({name, usage: name, help: `show ${name}`})),
	{name: 'push', usage: 'push', help: "send this machine's unsent entries to the shared log"},
	{name: 'help', usage: 'help', help: 'the keys'},
	{name: 'quit', usage: 'quit', help: 'leave'},
];

/** The verb and its argument as typed (the argument is the rest of the line). */
export function parseCommand(text: string): {verb: string; argument: string} {
	const trimmed = text.trimStart();
	const space = trimmed.search(/\s/);
	return space < 0 ? {verb: trimmed, argument: ''} : {verb: trimmed.slice(0, space), argument: trimmed.slice(space + 1).trim()};
}

/** Where the word being completed starts, and what it may become. */
function completionsAt(value: string, sources: CompletionSources): {start: number; options: readonly string[]} {
	const firstSpace = value.search(/\s/);
	if (firstSpace < 0) return {start: 0, options: verbs.map(verb => verb.name)};
	const verb = verbs.find(candidate => candidate.name === value.slice(0, firstSpace));
	const rest = value.slice(firstSpace + 1);
	// Only the verb's one argument completes; `filter` text and `sort X desc` are typed.
	if (!verb?.argument || /\s/.test(rest)) return {start: value.length, options: []};
	return {start: firstSpace + 1, options: sources[verb.argument]};
}

const startsWith = (option: string, prefix: string) => option.toLowerCase().startsWith(prefix.toLowerCase());

/** The candidates for the word at the end of `value`. */
export function candidatesFor(value: string, sources: CompletionSources): string[] {
	const {start, options} = completionsAt(value, sources);
	return options.filter(option => startsWith(option, value.slice(start)));
}

export const newCommandLine = (value: string, sources: CompletionSources): CommandLine => ({
	field: textField(value),
	candidates: candidatesFor(value, sources),
	cycle: -1,
	error: null,
});

function longestCommonPrefix(words: readonly string[]): string {
	let prefix = words[0] ?? '';
	for (const word of words) while (!startsWith(word, prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

/**
 * Tab: one candidate completes the word (and a space after a verb that takes
 * an argument); several extend it to what they share, then each further Tab
 * puts the next candidate in its place.
 */
export function completed(line: CommandLine, sources: CompletionSources): CommandLine {
	const value = line.field.value;
	const {start} = completionsAt(value, sources);
	const cycling = line.cycle >= 0 && line.candidates.length > 1;
	const candidates = cycling ? line.candidates : candidatesFor(value, sources);
	if (candidates.length === 0) return {...line, candidates, error: null};
	const replace = (word: string, cycle: number): CommandLine => ({
		...line,
		field: textField(value.slice(0, start) + word),
		candidates,
		cycle,
		error: null,
	});
	if (cycling) return replace(candidates[(line.cycle + 1) % candidates.length]!, (line.cycle + 1) % candidates.length);
	if (candidates.length === 1) {
		const verb = start === 0 ? verbs.find(candidate => candidate.name === candidates[0]) : undefined;
		return replace(`${candidates[0]}${verb?.argument ? ' ' : ''}`, -1);
	}
	const shared = longestCommonPrefix(candidates);
	return shared.length > value.length - start ? replace(shared, -1) : replace(candidates[0]!, 0);
}

/** The line after its text changed: candidates for the new text, cycling over. */
export const edited = (field: TextField, sources: CompletionSources): CommandLine => ({
	field,
	candidates: candidatesFor(field.value, sources),
	cycle: -1,
	error: null,
});
