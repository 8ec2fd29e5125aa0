// Copies what tsc does not emit into dist/: the light and dark SVG icons, and each node's codex
// JSON (`*.node.json`) beside its compiled node, at the same relative paths.
const { src, dest } = require('gulp');

function buildAssets() {
	return src(['icons/**/*.svg', 'nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = buildAssets;
