// Ink and React as one CommonJS script, built apart from the ES-module bundle:
// its `ink`, `react` and `react/jsx-runtime` imports read this script's
// exports (ui-runtime-loader.ts), which start-up compiles through a code cache.
import * as ink from 'ink';
import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';

export {ink, react, jsxRuntime};
