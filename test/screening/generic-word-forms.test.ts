// Two forms of one generic word (generic-words.ts): the abbreviations company names use,
// and the word's other endings. Made-up names, one real alias from the OFAC sample, and the real KOMID.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, matchNameExhaustive, scoreNames, tokenSimilarity} from '../../source/screening/index.js';
import {loadOfacCsv, makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const score = (a: string, b: string) => scoreNames(a, b).score;

test.each([
	['Lanhe Tech', 'Lanhe Technologies'],
	['Lanhe Electronics Tech Group', 'Lanhe Electronics Technology Group Corporation'],
	["Nat'l Lanhe Oil Co", 'National Lanhe Oil Company'],
	['Lanhe Hldgs', 'Lanhe Holdings Ltd'],
	['Lanhe Engg Svcs', 'Lanhe Engineering Services'],
])('"%s" meets "%s"', (a, b) => {
	expect(score(a, b)).toBeGreaterThanOrEqual(defaultThreshold);
	expect(score(b, a)).toBeGreaterThanOrEqual(defaultThreshold);
});

test('an abbreviation meets only the words it stands for', () => {
	expect(tokenSimilarity('tech', 'technologies')).toBeGreaterThanOrEqual(0.95);
	expect(tokenSimilarity('tech', 'telecom')).toBe(0);
	expect(tokenSimilarity('natl', 'natural')).toBe(0);
});

test('an abbreviated generic word never makes a distinctive word agree', () => {
	expect(score('Lanhe Tech', 'Boryu Technologies')).toBeLessThan(defaultThreshold);
	// Nor is the short form a distinctive word itself: "Grp", "Hldgs", "Dev" tell what their words do.
	for (const [a, b] of [
		['Lanhe Grp', 'Boryu Group'],
		['Lanhe Hldgs', 'Boryu Holdings'],
		['Lanhe Dev', 'Boryu Development'],
	])
		expect(score(a!, b!), `${a} / ${b}`).toBeLessThan(defaultThreshold / 2);
});

test('"Dev" is Development among words that agree (the real KOMID, North Korea)', () => {
	expect(score('Korea Mining Dev Trading Corp', 'KOREA MINING DEVELOPMENT TRADING CORPORATION')).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex([makeEntity({id: 'komid', name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION'})]);
	expectIndexAgrees(index, 'Korea Mining Dev Trading Corp', 'komid');
	// A given name stays a given name.
	expect(scoreNames('Dev Patel', 'PATEL, Dev', {kindB: 'person'}).score).toBe(1);
});

test('a short form is still read by its letters where they join a name ("Dahua Tech", "Dahuatech")', () => {
	expect(score('Lanhe Tech', 'Lanhetech')).toBeGreaterThanOrEqual(defaultThreshold);
});

test('two forms of one generic word pair ("trade", "trading"), and only generic words do', () => {
	expect(tokenSimilarity('trade', 'trading')).toBeGreaterThanOrEqual(0.95);
	expect(tokenSimilarity('industry', 'industrial')).toBeGreaterThanOrEqual(0.95);
	expect(tokenSimilarity('bolt', 'bolting')).toBe(0);
});

test('the candidate index reaches what these pairs score: a real alias with "TRADE" finds the entry named "TRADING"', () => {
	// Leave one out, as the quality bench does: the entry keeps one of its names, the other is the query.
	const entries = loadOfacCsv('static_slice_sdn.csv', 'static_slice_alt.csv').map(entry =>
		entry.name === 'BELARUSIAN OIL TRADE HOUSE' ? {...entry, name: 'BELARUSIAN OIL TRADING HOUSE', aliases: []} : entry,
	);
	const index = buildIndex(entries);
	const found = matchName(index, 'BELARUSIAN OIL TRADE HOUSE').map(match => match.matchedName);
	expect(found).toContain('BELARUSIAN OIL TRADING HOUSE');
	expect(found).toEqual(matchNameExhaustive(index, 'BELARUSIAN OIL TRADE HOUSE').map(match => match.matchedName));
});

test('financial-sector words are generic like "bank" and "credit": sharing one is no match', () => {
	for (const [a, b] of [
		['Open Lending Corporation', 'OOO LENDING TECHNOLOGIES'],
		['Northwind Leasing', 'Contoso Leasing LLC'],
		['Acme Wealth Management', 'Fabrikam Wealth Partners'],
	])
		expect(score(a, b), `${a} ~ ${b}`).toBeLessThan(defaultThreshold);
	expect(score('Contoso Leasing', 'CONTOSO LEASING LLC')).toBeGreaterThanOrEqual(defaultThreshold);
});

test.each([
	// Two real names of one entry on the OFAC sample (static_slice_alt.csv).
	["REVOLUTIONARY PEOPLE'S STRUGGLE", 'REVOLUTIONARY POPULAR STRUGGLE'],
	['Lanhe Money Changers', 'Lanhe Money Exchangers LLC'],
	['Lanhe Bank AD Beograd', 'Lanhe Bank Belgrade'],
])('one generic word in two languages or renderings: "%s" meets "%s"', (a, b) => {
	expect(score(a, b)).toBeGreaterThanOrEqual(defaultThreshold);
	expect(score(b, a)).toBeGreaterThanOrEqual(defaultThreshold);
});

test('words of one meaning are generic: sharing one, or a capital in two languages, is no match', () => {
	expect(tokenSimilarity('popular', 'people')).toBeGreaterThanOrEqual(0.95);
	expect(tokenSimilarity('beograd', 'belgrade')).toBeGreaterThanOrEqual(0.95);
	expect(score("Lanhe People's Bank", 'Boryu Popular Bank')).toBeLessThan(defaultThreshold);
	expect(score('Lanhe Exchangers Belgrade', 'Boryu Changers Beograd')).toBeLessThan(defaultThreshold);
});
