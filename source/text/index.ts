export {sanitizeText, sanitizeDeep} from './sanitize.js';
export {decodeByBom} from './decode.js';
