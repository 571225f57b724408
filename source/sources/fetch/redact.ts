// Keeps secrets (auth tokens, credentials inside proxy URLs) out of every message
// this module produces, and turns any error text into one printable line.
import {sanitizeText} from '../../text/index.js';

const redactedMark = '[redacted]';

/** Replaces every occurrence of each secret (and the userinfo of any URL) with a marker. */
export function redact(text: string, secrets: readonly string[]): string {
	let result = text;
	// Longest first, so a secret that contains another is removed whole.
	for (const secret of [...secrets].filter(secret => secret.length >= 4).sort((a, b) => b.length - a.length)) {
		result = result.split(secret).join(redactedMark);
		// A "Bearer xyz" header value leaks "xyz" alone too, e.g. in a proxy's echo.
		const bare = secret.replace(/^\S+\s+/, '');
		if (bare !== secret && bare.length >= 4) result = result.split(bare).join(redactedMark);
	}
	return result.replace(/\b([a-z][a-z\d+.-]*:\/\/)[^/\s@]*@/gi, `$1${redactedMark}@`);
}

/** One line, control characters neutralised, secrets removed: fit for a terminal or a log. */
export function oneLine(text: string, secrets: readonly string[]): string {
	return sanitizeText(redact(text, secrets)).replace(/\s+/g, ' ').trim();
}
