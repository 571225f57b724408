// Worker entry (bundled as dist/screening-worker.js): tokenises the slices of the
// list entries it is given, builds its share of the candidate index (the postings
// and weights, the token search or the key maps) and attaches to the whole, searches the query
// tokens it claims, and screens the inventory slices it is given. See screening-pool.ts.
import {parentPort, workerData} from 'node:worker_threads';
import {countStatistics, indexArrays, primeNeighbours, searchNeighbours, type IndexCore} from './candidate-index.js';
import {textNames} from './entity-table.js';
import {joinSlices, tokenizeEntries} from './name-tokens.js';
import {screenVendors} from './screen.js';
import {packNeighbours, sliceBuffers, unpackNeighbours, type FromWorker, type ToWorker, type WorkerSetup} from './screening-jobs.js';
import {attachIndex, namesOf, readVocabulary, shareNames, shareSearch, type Vocabulary} from './shared-index.js';
import {buildTokenSearch, type PairingTokens} from './similar-tokens.js';
import {buildSharedKeyMaps} from './token-key-maps.js';

const {curated, threshold, curatedInIndex} = workerData as WorkerSetup;
const port = parentPort!;
let index: IndexCore | null = null;
/** The shared vocabulary, once read here (by a build step): attaching does not read it again. */
let vocabulary: Vocabulary | null = null;
let tokens: string[] = [];

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function handle(message: ToWorker): void {
	switch (message.type) {
		case 'tokenize': {
			const slice = tokenizeEntries(message.table, textNames(message.table), message.from, message.to);
			post({type: 'tokenized', slice}, sliceBuffers(slice));
			return;
		}
		case 'join': {
			const joined = joinSlices(message.slices);
			vocabulary = joined;
			post({type: 'joined', names: shareNames(joined)});
			return;
		}
		case 'build-arrays': {
			vocabulary ??= readVocabulary(message.names.vocabulary);
			const names = namesOf(message.names, vocabulary);
			const {statistics, extraCounts, extraNames} = countStatistics(names, message.statisticsNames);
			post({type: 'arrays-built', arrays: indexArrays(names, statistics), extraCounts: [...extraCounts], extraNames});
			return;
		}
		case 'build-search':
			vocabulary ??= readVocabulary(message.vocabulary);
			post({type: 'search-built', search: shareSearch(buildTokenSearch(vocabulary.vocabulary))});
			return;
		case 'build-keys':
			vocabulary ??= readVocabulary(message.names.vocabulary);
			post({type: 'keys-built', keyMaps: buildSharedKeyMaps(namesOf(message.names, vocabulary), message.maps)});
			return;
		case 'attach':
			index = attachIndex(message.parts, vocabulary ?? undefined);
			post({type: 'done'});
			return;
		case 'search': {
			const found: Array<[number, PairingTokens]> = [];
			tokens = message.tokens;
			// Claimed one at a time from a shared counter: a worker that starts late simply claims fewer.
			for (let position = Atomics.add(message.next, 0, 1); position < tokens.length; position = Atomics.add(message.next, 0, 1))
				found.push([position, searchNeighbours(indexOrFail(), tokens[position]!)]);
			const neighbours = packNeighbours(found);
			// Transferred, not copied: made here and not used again.
			post(
				{type: 'searched', neighbours},
				[neighbours.positions, neighbours.starts, neighbours.ids, neighbours.similarities].map(toBuffer),
			);
			return;
		}
		case 'prime':
			unpackNeighbours(message.neighbours, (position, pairing) => primeNeighbours(indexOrFail(), tokens[position]!, pairing));
			post({type: 'done'});
			return;
		case 'screen':
			post({type: 'screened', hits: screenVendors(message.vendors, indexOrFail(), {threshold, curatedVendors: curated, curatedInIndex})});
	}
}

function indexOrFail(): IndexCore {
	if (!index) throw new Error('no index yet: build or attach one first');
	return index;
}

function toBuffer(array: Int32Array | Float64Array): ArrayBuffer {
	if (!(array.buffer instanceof ArrayBuffer)) throw new Error('only unshared arrays are transferred');
	return array.buffer;
}

port.on('message', (message: ToWorker) => {
	try {
		handle(message);
	} catch (error) {
		post({type: 'failed', message: error instanceof Error ? error.message : String(error)});
	}
});
