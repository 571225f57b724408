export {codePointLabel, displayText, inertJson, displayLine, sanitizeText, sanitizeDeep} from './sanitize.js';
export {jsonDocument, jsonLines} from './json-pieces.js';
export {decodeByBom} from './decode.js';
export {countOf} from './count.js';
export {formatAge, formatBytes, formatTimestamp} from './format.js';
export {editDistance, nearestWord} from './nearest.js';
export {sha256Hex} from './sha256.js';
