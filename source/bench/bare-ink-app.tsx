// The floor for the TUI's first frame: the smallest Ink app, bundled as plainly as
// esbuild bundles it (one minified file, React's production build), which paints one
// line and waits. The bench times it in the same pseudo-terminal as the app.
import React from 'react';
import {Box, render, Text} from 'ink';

render(
	<Box borderStyle="single">
		<Text>bare Ink app shown</Text>
	</Box>,
);
// Kept open like the app, until the bench kills it.
setInterval(() => undefined, 60_000);
