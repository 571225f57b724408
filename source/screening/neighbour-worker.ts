// Worker entry (bundled as dist/screening-worker.js): finds the neighbours of the
// query tokens it claims and posts them back packed. See neighbour-pool.ts.
import {parentPort, workerData} from 'node:worker_threads';
import {findClaimed, packNeighbours, type NeighbourJob} from './neighbour-jobs.js';
import {restoreTokenSearch, type PairingTokens} from './similar-tokens.js';

const job = workerData as NeighbourJob;
const found: Array<[number, PairingTokens]> = [];
findClaimed(restoreTokenSearch(job.search), job.tokens, job.next, (position, pairing) => found.push([position, pairing]));
const packed = packNeighbours(found);
// Transferred, not copied: the arrays were made here and are not used again.
parentPort!.postMessage(
	packed,
	[packed.positions, packed.starts, packed.ids, packed.similarities].map(array => array.buffer as ArrayBuffer),
);
