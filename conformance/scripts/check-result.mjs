// verify phase: fails the build when the conformance suite failed in integration-test (see run-suite.mjs).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const outDir = path.resolve(process.env.CONFORMANCE_OUT ?? 'target/conformance')
const file = path.join(outDir, 'exit-code')

if (!existsSync(file)) {
  console.error(`[conformance] FAILED: the suite did not run (no ${file})`)
  process.exit(1)
}
const code = Number.parseInt(readFileSync(file, 'utf8'), 10)
if (code !== 0) {
  console.error(
    `[conformance] FAILED: node --test exited with ${code}; see its output above (integration-test phase), ` +
      `${path.join(outDir, 'junit.xml')} and the server log ${path.join(outDir, 'server.log')}`,
  )
  process.exit(1)
}
console.log('[conformance] the conformance suite passed')
