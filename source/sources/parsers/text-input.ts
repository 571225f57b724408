// Reads list files as text whatever their encoding (UTF-8 with or without BOM,
// UTF-16 LE/BE with BOM), as a stream of decoded chunks so big files never sit
// in memory as one string. Invalid UTF-8 becomes U+FFFD, with one warning, rather than an error.
import {createReadStream} from 'node:fs';
import {open} from 'node:fs/promises';
import {Readable} from 'node:stream';
import {ListFormatError} from './list-format-error.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** What a parser needs to know about its input besides the path. */
export type ListInput = {path: string; inputName: string; encoding: TextEncoding; warnings: string[]};

const headBytes = 64 * 1024;

export function encodingFromBom(bytes: Uint8Array): TextEncoding {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return 'utf-8';
}

/** The first ~64 KiB of the file, raw and decoded; unreadable files become a ListFormatError. */
export async function readHead(path: string, inputName: string): Promise<{bytes: Uint8Array; encoding: TextEncoding; text: string}> {
	let handle;
	try {
		handle = await open(path, 'r');
		const buffer = Buffer.alloc(headBytes);
		const {bytesRead} = await handle.read(buffer, 0, headBytes, 0);
		const bytes = buffer.subarray(0, bytesRead);
		const encoding = encodingFromBom(bytes);
		// TextDecoder drops the BOM itself; a character cut at the 64 KiB edge is harmless for sniffing.
		return {bytes, encoding, text: new TextDecoder(encoding).decode(bytes)};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EISDIR') throw new ListFormatError(`${inputName}: is a directory, not a list file; pass the downloaded file itself`);
		throw new ListFormatError(`${inputName}: cannot read the file (${code ?? 'read error'}); check the path and permissions`);
	} finally {
		await handle?.close();
	}
}

/** Decoded text chunks of the whole file, BOM removed. */
export function textStream(input: ListInput): Readable {
	return Readable.from(decodeChunks(input), {objectMode: true});
}

async function* decodeChunks(input: ListInput): AsyncGenerator<string> {
	const decoder = new TextDecoder(input.encoding);
	// A strict twin notices bytes the lenient decoder silently turns into U+FFFD.
	let strict: TextDecoder | null = new TextDecoder(input.encoding, {fatal: true});
	let offset = 0;
	const check = (chunk?: Buffer) => {
		if (strict === null) return;
		try {
			if (chunk) strict.decode(chunk, {stream: true});
			else strict.decode();
		} catch {
			strict = null;
			input.warnings.push(`${input.inputName}: holds bytes that are not valid ${input.encoding.toUpperCase()} (at or after byte ${offset}); they were replaced with \uFFFD, so some names may be garbled; check the file's encoding`);
		}
	};
	for await (const chunk of createReadStream(input.path)) {
		check(chunk as Buffer);
		offset += (chunk as Buffer).length;
		const text = decoder.decode(chunk as Buffer, {stream: true});
		if (text) yield text;
	}
	check();
	const rest = decoder.decode();
	if (rest) yield rest;
}

/** The whole file as one string: only for formats that are parsed whole anyway (JSON documents). */
export async function readAllText(input: ListInput): Promise<string> {
	let text = '';
	for await (const chunk of textStream(input)) text += chunk as string;
	return text;
}
