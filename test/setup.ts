// Runs before every test file: fast-check draws from the suite's one seed, so a
// failing property prints a seed that reproduces it (VENDOR_RISK_TEST_SEED=<seed>).
import fc from 'fast-check';
import {testSeed} from './helpers.js';

fc.configureGlobal({seed: testSeed});
