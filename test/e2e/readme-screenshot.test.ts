// The README's picture of the TUI is what the TUI shows: rendered again at the
// same size and day, it must match (npm run screenshot rewrites it).
import {expect, it} from 'vitest';
import {readmeScreenshot, renderScreenshot, screenshotSize} from '../../source/build/readme-screenshot.mjs';
import {builtCli} from '../helpers.js';

it(`shows in the README exactly what the TUI draws at ${screenshotSize.columns}x${screenshotSize.rows}`, async () => {
	const picture = await renderScreenshot({cli: builtCli});
	expect(picture.split('\n').length).toBeGreaterThan(screenshotSize.rows / 2);
	expect(readmeScreenshot(), 'README.md is out of date: run npm run screenshot').toBe(picture);
});
