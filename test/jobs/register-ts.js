// Lets a child process `require` the project's TypeScript directly (Babel, same config as Jest), no build needed.
const fs = require('node:fs');
const path = require('node:path');
const babel = require('@babel/core');

const root = path.resolve(__dirname, '../..');
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = babel.transformSync(source, { filename, cwd: root, sourceMaps: 'inline' });
  module._compile(code, filename);
};
