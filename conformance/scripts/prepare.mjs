// pre-integration-test, before spring-boot:start: make sure no server of an earlier, interrupted run of this build is
// still alive, then give the new server an empty data directory.
//
// A server left over by a build that was killed between spring-boot:start and spring-boot:stop is found only through
// pid files, never by name: the app's pid that run-suite.mjs recorded (target/conformance/server.pid) and the
// postmaster.pid its embedded PostgreSQL wrote into the data directory. A pid is acted on only if that process's command
// line still names this build's data directory, so a reused pid is never touched.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'

const dataDir = path.resolve(required('CONFORMANCE_DATA_DIR'))
const outDir = path.resolve(required('CONFORMANCE_OUT'))

await stopLeftover(path.join(outDir, 'server.pid'), 'SIGTERM', 'the emulator of an earlier run')
await stopLeftover(path.join(dataDir, 'postgres', 'postmaster.pid'), 'SIGINT', 'the embedded PostgreSQL of an earlier run')

await rm(dataDir, { recursive: true, force: true })
await mkdir(dataDir, { recursive: true })
for (const name of ['exit-code', 'server.pid', 'server.log', 'junit.xml', 'browser.png', 'browser-revoked.png']) {
  await rm(path.join(outDir, name), { force: true })
}
await mkdir(outDir, { recursive: true })
console.log(`[conformance] fresh data directory ${dataDir}; results go to ${outDir}`)

function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

async function stopLeftover(pidFile, signal, what) {
  if (!existsSync(pidFile)) return
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10)
  if (!Number.isInteger(pid) || pid <= 1 || !belongsToThisBuild(pid)) return
  console.log(`[conformance] stopping ${what} (pid ${pid}, ${signal})`)
  process.kill(pid, signal)
  if (await exited(pid, 30_000)) return
  console.log(`[conformance] pid ${pid} still alive after 30 s; SIGKILL`)
  process.kill(pid, 'SIGKILL')
  await exited(pid, 10_000)
}

function belongsToThisBuild(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((arg) => arg.includes(dataDir))
  } catch {
    return false // not running (or no /proc): nothing to stop
  }
}

async function exited(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0)
    } catch {
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}
