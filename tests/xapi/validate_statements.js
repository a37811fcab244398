// Validates a JSON file holding an array of xAPI statements with Learning Locker's
// `xapi-validation` package (npm). Exit 0 when every statement is valid and there is at least
// one; 1 when any is invalid; 2 when the package or the file cannot be loaded.
//   usage: node validate_statements.js STATEMENTS.json   (NODE_PATH must reach node_modules)
'use strict';
const fs = require('fs');
let validate;
try {
    validate = require('xapi-validation').default;
} catch (e) {
    console.error('xapi-validation is not installed: run ' +
        '`npm install --prefix build/xapi-validation --no-save --no-audit --no-fund xapi-validation@2.1.4`');
    process.exit(2);
}
let statements;
try {
    statements = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
} catch (e) {
    console.error(`cannot read ${process.argv[2]}: ${e.message}`);
    process.exit(2);
}
if (!Array.isArray(statements) || statements.length === 0) {
    console.error('expected a non-empty array of statements');
    process.exit(1);
}
let bad = 0;
statements.forEach((s, i) => {
    for (const w of validate(s)) {
        bad++;
        console.log(`statement ${i}: ${w.path.join('.')}: ${w.constructor.name}: ${w.message || ''}`);
    }
});
console.log(`${statements.length} statements, ${bad} problems`);
process.exit(bad ? 1 : 0);
