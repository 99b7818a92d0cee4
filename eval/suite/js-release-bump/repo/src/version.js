// Printed by `uploader --version`; must match package.json (a test checks it).
export const VERSION = '2.3.9';
