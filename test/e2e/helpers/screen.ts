// Reading a TUI screen as a reviewer does: the table's heading cells and their
// widths, the selected row, the status bar.

/** The line with the row marker ▶: the selected row. */
export const selectedLine = (screen: string) => screen.split('\n').find(line => line.includes('▶')) ?? '';

/** The table's heading cells (the row under the top border), each with the width it is drawn in. */
export function headingCells(screen: string): Array<{label: string; width: number}> {
	const lines = screen.split('\n');
	const top = lines.findIndex(line => line.startsWith('┌'));
	const heading = lines[top + 1] ?? '';
	return heading
		.split('│')
		.slice(1, -1)
		.map(cell => ({label: cell.trim(), width: cell.length}))
		.filter(cell => cell.label !== '' || cell.width > 4);
}

export const headingLabels = (screen: string) => headingCells(screen).map(cell => cell.label.replace(/[▲▼]$/, ''));

/** The status bar: the line under the table that names the view and its counts. */
export const statusBar = (screen: string) => screen.split('\n').find(line => / shown/.test(line)) ?? '';

/** The width of the table's top border: how much of the line the table uses. */
export const tableWidth = (screen: string) => screen.split('\n').find(line => line.startsWith('┌'))?.length ?? 0;

/** The keys are live and the sources' cache and the decision log have loaded: nothing will grow under the test. */
export const settled = (screen: string) => screen.includes('? help') && !screen.includes('loading…') && screen.includes('queue ');
