// Runs before `npm test`, `npm run demo` and `npm run bench`, on whatever Node the machine has.
// Written as plain CommonJS with nothing newer than ES5 syntax, so even an old Node reads it: the
// newcomer should see what to do instead of a TypeError from a dependency that needs Node 24.
'use strict';
var REQUIRED_MAJOR = 24;
var version = process.versions.node;
var major = Number(version.split('.')[0]);
if (!(major >= REQUIRED_MAJOR)) {
  process.stderr.write(
    'Kubrick needs Node.js ' +
      REQUIRED_MAJOR +
      ' or newer; this is ' +
      version +
      '.\n' +
      'Install Node.js 24 (for example with nvm: `nvm install 24 && nvm use 24`, or from\n' +
      'https://nodejs.org), then run `npm ci` again. `bash .ci/run` installs it by itself.\n'
  );
  process.exit(2);
}
