// A detail screen's content as data: lines with a tone, in titled sections. The
// app-context builds sections (decision history, screening hits) and the UI draws them.

export type DetailLine = {
	text: string;
	tone?: 'heading' | 'dim' | 'warn' | 'good';
	/** What `y` copies while this line has the focus: its URL or citation, whole. */
	copy?: string;
	/** The restriction whose entry starts on this line: where Enter on that restriction opens the vendor. */
	anchor?: string;
	/** Enter on this line moves the focus to the line with this anchor (a summary line to its restriction in full). */
	jumpTo?: string;
};

/** Extra sections that later capabilities add to a vendor's detail (decision history, screening hits). */
export type DetailSection = {title: string; lines: DetailLine[]};
