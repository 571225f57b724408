// Decodes a whole file's bytes by its byte-order mark: UTF-16 (LE or BE) as
// spreadsheets export "Unicode text", UTF-8 otherwise. The BOM itself is dropped.
export function decodeByBom(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	return new TextDecoder('utf-8').decode(bytes);
}
