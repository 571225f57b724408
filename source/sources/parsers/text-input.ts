// Reads list files as text whatever their encoding (UTF-8 with or without BOM,
// UTF-16 LE/BE with BOM), as a stream of decoded chunks so big files never sit
// in memory as one string. Invalid UTF-8 becomes U+FFFD, with one warning, rather than an error.
import {createReadStream} from 'node:fs';
import {open} from 'node:fs/promises';
import {isUtf8} from 'node:buffer';
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
	for await (const chunk of checkedChunks(input)) {
		const text = decoder.decode(chunk, {stream: true});
		if (text) yield text;
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}

/** The file's chunks as read; the first invalid one adds the encoding warning to the input. */
async function* checkedChunks(input: ListInput): AsyncGenerator<Buffer> {
	const validity = input.encoding === 'utf-8' ? new Utf8Check() : new StrictDecoderCheck(input.encoding);
	let valid = true;
	let offset = 0;
	const check = (chunk: Buffer | null) => {
		if (!valid) return;
		// Bytes held back from the chunk before come first.
		const start = offset - validity.pending();
		if (validity.accepts(chunk)) return;
		valid = false;
		input.warnings.push(
			`${input.inputName}: holds bytes that are not valid ${input.encoding.toUpperCase()} (at or after byte ${start}); they were replaced with \uFFFD, so some names may be garbled; check the file's encoding`,
		);
	};
	for await (const chunk of createReadStream(input.path)) {
		check(chunk as Buffer);
		offset += (chunk as Buffer).length;
		yield chunk as Buffer;
	}
	check(null);
}

/** Notices bytes the lenient decoder silently turns into U+FFFD; `null` marks the end of the input. */
type ValidityCheck = {accepts(chunk: Buffer | null): boolean; pending(): number};

/** UTF-8 through buffer.isUtf8 (no string is built), carrying a character cut at a chunk's end. */
class Utf8Check implements ValidityCheck {
	private carry: Buffer | null = null;

	pending(): number {
		return this.carry?.length ?? 0;
	}

	accepts(chunk: Buffer | null): boolean {
		if (chunk === null) return this.carry === null;
		const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
		const cut = completeLength(bytes);
		this.carry = cut === bytes.length ? null : Buffer.from(bytes.subarray(cut));
		return isUtf8(bytes.subarray(0, cut));
	}
}

/** The length of `bytes` without a multi-byte UTF-8 character its end cuts short. */
function completeLength(bytes: Buffer): number {
	let lead = bytes.length - 1;
	while (lead >= 0 && lead > bytes.length - 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
	if (lead < 0) return bytes.length;
	const byte = bytes[lead]!;
	const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
	return bytes.length - lead < size ? lead : bytes.length;
}

/** Other encodings: a strict twin of the decoder. */
class StrictDecoderCheck implements ValidityCheck {
	private readonly strict: TextDecoder;

	constructor(encoding: TextEncoding) {
		this.strict = new TextDecoder(encoding, {fatal: true});
	}

	pending(): number {
		return 0;
	}

	accepts(chunk: Buffer | null): boolean {
		try {
			if (chunk) this.strict.decode(chunk, {stream: true});
			else this.strict.decode();
			return true;
		} catch {
			return false;
		}
	}
}

/** The whole file as one string: only for formats that are parsed whole anyway (JSON documents). */
export async function readAllText(input: ListInput): Promise<string> {
	let text = '';
	for await (const chunk of textStream(input)) text += chunk as string;
	return text;
}
