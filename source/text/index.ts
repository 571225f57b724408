export {sanitizeText, sanitizeDeep} from './sanitize.js';
export {decodeByBom} from './decode.js';
export {countOf} from './count.js';
