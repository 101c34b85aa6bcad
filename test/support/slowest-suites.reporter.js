// Prints the slowest test files after a run, so the test command's wall time stays visible and
// the budget (CI: well under 20 minutes) is spent knowingly. Wall times per file, not assertions.
class SlowestSuitesReporter {
  onRunComplete(_contexts, results) {
    const rows = results.testResults
      .map((r) => ({ file: r.testFilePath.replace(`${process.cwd()}/`, ''), s: (r.perfStats.end - r.perfStats.start) / 1000 }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 20);
    const total = results.testResults.reduce((n, r) => n + (r.perfStats.end - r.perfStats.start) / 1000, 0);
    console.log(`\n[test] slowest files (sum of file times ${total.toFixed(0)} s):`);
    for (const r of rows) console.log(`  ${r.s.toFixed(1).padStart(7)} s  ${r.file}`);
  }
}
module.exports = SlowestSuitesReporter;
