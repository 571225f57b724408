export {sanitizeText, sanitizeDeep} from './sanitize.js';
