// The app's views by name, in tab order: the TUI shows them, and the setting
// `startView` names the one it opens on.
export const viewNames = [
	'dashboard',
	'vendors',
	'jurisdictions',
	'restrictions',
	'entries',
	'changes',
	'queue',
	'timeline',
	'rules',
] as const;
export type ViewName = (typeof viewNames)[number];
