// Where a source is, as read: credentials out of everything but the download.
import {describe, expect, test} from 'vitest';
import {readLocation} from '../../../source/sources/index.js';
import {sameLocation} from '../../../source/sources/fetch/location.js';
import {redirectRefusal} from '../../../source/sources/fetch/url-policy.js';

describe('readLocation', () => {
	test('takes the user and password out of a URL and names the source by what is left and a hash', () => {
		const read = readLocation('https://ada:s3cret-token@lists.example.org/csl.csv');
		expect(read.shown).toBe('https://[redacted]@lists.example.org/csl.csv');
		expect(read.identity).toMatch(/^https:\/\/\[redacted\]@lists\.example\.org\/csl\.csv \[[\da-f]{12}\]$/);
		expect(read.secrets).toEqual(expect.arrayContaining(['s3cret-token', 'ada', Buffer.from('ada:s3cret-token').toString('base64')]));
	});

	test('two accounts on one URL are two sources; the same URL is the same source', () => {
		const one = readLocation('https://a:one@h.example/x.csv').identity;
		expect(readLocation('https://a:two@h.example/x.csv').identity).not.toBe(one);
		expect(readLocation('https://a:one@h.example/x.csv').identity).toBe(one);
	});

	test.each(['access_token', 'api_key', 'apikey', 'X-Amz-Signature', 'sig', 'password', 'token'])('redacts a %s query value', name => {
		const read = readLocation(`https://h.example/x.csv?format=csv&${name}=abc%2Fdef`);
		expect(read.shown).toBe(`https://h.example/x.csv?format=csv&${name}=[redacted]`);
		expect(read.secrets).toEqual(expect.arrayContaining(['abc%2Fdef', 'abc/def']));
	});

	test('a URL without secrets, and a path, are their own identity', () => {
		expect(readLocation('https://h.example/x.csv?format=csv')).toEqual({
			shown: 'https://h.example/x.csv?format=csv',
			identity: 'https://h.example/x.csv?format=csv',
			secrets: [],
		});
		expect(readLocation('/data/lists/csl.csv').identity).toBe('/data/lists/csl.csv');
	});

	test('a cache recorded under the identity, or the raw form older versions stored, is the same location', () => {
		const location = 'https://a:b@h.example/x.csv';
		expect(sameLocation(readLocation(location).identity, location)).toBe(true);
		expect(sameLocation(location, location)).toBe(true);
		expect(sameLocation('https://h.example/other.csv', location)).toBe(false);
	});
});

describe('redirects from https to plain http', () => {
	const from = new URL('https://h.example/x.csv');
	const to = new URL('http://h.example/x.csv');
	test('are refused with credentials whatever allowHttp says', () => {
		expect(redirectRefusal(from, to, true, true)).toMatch(/carries credentials .*--allow-http does not change this/);
	});
	test('are followed without credentials when allowHttp says so', () => {
		expect(redirectRefusal(from, to, true, false)).toBeNull();
	});
});
