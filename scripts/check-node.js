// npm runs scripts with node_modules/.bin first on PATH, where the `node` package puts Node 24.
// If that did not happen (an install that skipped it), say so plainly instead of failing later.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Peer Challenge Studio needs Node 22 or newer; this is ${process.version}. ` +
      'Run `npm install` again: it installs a suitable Node into node_modules.',
  );
  process.exit(1);
}
