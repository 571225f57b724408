// How the terminal's rows and columns are shared out: the chrome around a table,
// a page of rows or of detail lines, and the room left for the one-line inputs.
import type {ViewName} from './views.js';

export type Size = {columns: number; rows: number};

/** Lines the frame spends on chrome: tabs, table borders and heading, status bar, hint line, and one spare so the frame stays shorter than the terminal. */
export const chromeLines = 8;
export const minimumSize: Size = {columns: 60, rows: 15};
/** Views that draw a line above their table (the timeline's monthly chart). */
export const headerLines = (view: ViewName) => (view === 'timeline' ? 1 : 0);
/** Table rows that fit on one page of `view`. */
export const pageSize = ({size, view}: {size: Size; view: ViewName}) => Math.max(1, size.rows - chromeLines - headerLines(view));
/** Detail lines that fit on one page: the tabs, the status bar, its hint line, the detail's own footer and a spare are not lines. */
export const detailPageSize = (size: Size) => Math.max(1, size.rows - 5);
