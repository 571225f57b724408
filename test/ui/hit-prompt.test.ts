// The hit-disposition reason prompt on its own: a reason is required, edits go through the text field, saving submits.
import {describe, expect, it} from 'vitest';
import {hitPromptReducer, newHitPrompt, type HitPrompt, type HitPromptInput} from '../../source/ui/hit-prompt.js';

const width = 30;
/** Feeds inputs to the prompt; stops at a save or a cancel. */
function feed(prompt: HitPrompt, ...inputs: HitPromptInput[]) {
	let current: HitPrompt | null = prompt;
	let submit = null;
	for (const input of inputs) {
		({prompt: current, submit} = hitPromptReducer(current!, input, width));
		if (!current) break;
	}
	return {prompt: current, submit};
}
const fresh = () => newHitPrompt('hikvision', 'csl-123', 'confirmed-match');

describe('the reason prompt', () => {
	it('refuses to save without a reason, and says why', () => {
		const {prompt, submit} = feed(fresh(), {insert: '   '}, 'savePrompt');
		expect(submit).toBeNull();
		expect(prompt!.error).toMatch(/a reason is required/);
	});

	it('clears the error as soon as the reviewer edits the reason', () => {
		const refused = feed(fresh(), 'savePrompt').prompt!;
		expect(feed(refused, {insert: 's'}).prompt!.error).toBeNull();
		expect(feed(refused, 'deleteBackward').prompt!.error).toBeNull();
	});

	it('saves the trimmed reason for the hit it was opened on', () => {
		expect(feed(fresh(), {insert: '  same legal name, listed CMIC \n'}, 'savePrompt')).toEqual({
			prompt: null,
			submit: {vendorId: 'hikvision', entryId: 'csl-123', disposition: 'confirmed-match', reason: 'same legal name, listed CMIC'},
		});
	});

	it('edits the reason where the cursor is', () => {
		const {submit} = feed(
			fresh(),
			{insert: 'listed CMIC'},
			'cursorHome',
			{insert: 'same name, '},
			'cursorEnd',
			'deleteWordBackward',
			'savePrompt',
		);
		expect(submit!.reason).toBe('same name, listed');
	});

	it('keeps the cursor in view of its width as a long reason is typed', () => {
		const prompt = feed(fresh(), {insert: 'reviewed: Huawei Device is a distinct entity with its own registration'}).prompt!;
		expect(prompt.reason.offset).toBeGreaterThan(0);
		expect(prompt.reason.value.length - prompt.reason.offset).toBeLessThan(width);
	});

	it('closes without saving on cancel', () => {
		expect(feed(fresh(), {insert: 'half a thought'}, 'cancelPrompt')).toEqual({prompt: null, submit: null});
	});
});
