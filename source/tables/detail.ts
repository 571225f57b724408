// A detail screen's content as data: lines with a tone, in titled sections. The
// app-context builds sections (decision history, screening hits) and the UI draws them.

export type DetailLine = {text: string; tone?: 'heading' | 'dim' | 'warn' | 'good'};

/** Extra sections that later capabilities add to a vendor's detail (decision history, screening hits). */
export type DetailSection = {title: string; lines: DetailLine[]};
