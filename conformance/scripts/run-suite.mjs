// Runs the conformance suite (node --test, one file at a time: the files share one server) against SEAM_ENDPOINT.
//
// From Maven (integration-test phase) it is called with --defer-exit: the suite's exit code is written to
// $CONFORMANCE_OUT/exit-code and this script exits 0, so that a failing suite does not abort the build before
// spring-boot:stop has stopped the server in post-integration-test; check-result.mjs fails the build in verify (the
// failsafe plugin's integration-test/verify split). Without --defer-exit it exits with the suite's code.
import { spawn } from 'node:child_process'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const conformanceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.resolve(process.env.CONFORMANCE_OUT ?? path.join(conformanceDir, '..', 'target', 'conformance'))
const deferExit = process.argv.includes('--defer-exit')
const suiteTimeoutMs = Number(process.env.CONFORMANCE_TIMEOUT_MS ?? 20 * 60_000)
const endpoint = process.env.SEAM_ENDPOINT

await mkdir(outDir, { recursive: true })
const exitCode = await run()
await writeFile(path.join(outDir, 'exit-code'), `${exitCode}\n`)
process.exit(deferExit ? 0 : exitCode)

async function run() {
  if (!endpoint) {
    console.error('[conformance] SEAM_ENDPOINT is not set')
    return 2
  }
  await recordServerPid()
  const args = [
    '--test',
    '--test-concurrency=1',
    '--test-timeout=180000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    `--test-reporter-destination=${path.join(outDir, 'junit.xml')}`,
    // The files by name, in order (each resets the sandbox first), rather than a directory or glob, whose meaning
    // differs between Node versions.
    ...(await readdir(path.join(conformanceDir, 'test')))
      .filter((name) => name.endsWith('.test.js'))
      .sort()
      .map((name) => path.join('test', name)),
  ]
  console.log(`[conformance] ${process.execPath} ${args.join(' ')} (SEAM_ENDPOINT=${endpoint})`)
  const started = Date.now()
  const child = spawn(process.execPath, args, {
    cwd: conformanceDir,
    stdio: 'inherit',
    env: { ...process.env, CONFORMANCE_OUT: outDir },
  })
  const timer = setTimeout(() => {
    console.error(`[conformance] the suite did not finish within ${suiteTimeoutMs} ms; stopping it`)
    child.kill('SIGTERM')
  }, suiteTimeoutMs)
  const code = await new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`[conformance] could not run node --test: ${error.message}`)
      resolve(2)
    })
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)))
  })
  clearTimeout(timer)
  console.log(`[conformance] node --test exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return code
}

/**
 * Writes the server's pid (from /actuator/info, process info enabled by the pom) to $CONFORMANCE_OUT/server.pid, so
 * that prepare.mjs can stop this server if the build is killed before spring-boot:stop. Best effort.
 */
async function recordServerPid() {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/actuator/info`)
    const pid = (await response.json())?.process?.pid
    if (Number.isInteger(pid)) await writeFile(path.join(outDir, 'server.pid'), `${pid}\n`)
  } catch {
    // not fatal: the server may not expose it
  }
}
