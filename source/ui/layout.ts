// How the terminal's rows and columns are shared out: the chrome around a table,
// a page of rows or of detail lines, and the room left for the one-line inputs.
import type {ViewName} from './views.js';
import type {Viewport} from './detail-state.js';

export type Size = {columns: number; rows: number};

/** Lines the frame spends on chrome: tabs, table borders and heading, status bar, hint line, and one spare so the frame stays shorter than the terminal. */
export const chromeLines = 8;
export const minimumSize: Size = {columns: 60, rows: 15};
/** Views that draw a line above their table (the timeline's monthly chart, what the rules were applied to). */
export const headerLines = (view: ViewName) => (view === 'timeline' || view === 'rules' ? 1 : 0);
/** Table rows that fit on one page of `view`. */
export const pageSize = ({size, view}: {size: Size; view: ViewName}) => Math.max(1, size.rows - chromeLines - headerLines(view));
/** Detail rows that fit on one page (the tabs, the status bar, its hint line, the detail's own footer and a spare are not rows), and the columns they wrap at. */
export const detailViewport = (size: Size): Viewport => ({width: Math.max(10, size.columns - 1), height: Math.max(1, size.rows - 5)});
/** Values that fit on one page of a frequency view: a table's page less its title line. */
export const frequencyPageSize = (size: Size) => Math.max(1, size.rows - chromeLines - 1);
