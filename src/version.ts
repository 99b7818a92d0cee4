// Replaced at bundle time would couple dist to package.json edits; one constant is simpler to check in tests.
export const VERSION = '0.1.0';
