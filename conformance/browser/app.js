// A client-side app as Seam's guides describe it: it receives a client session token and lists that user's devices,
// calling the API (another origin) straight from the browser through the SDK. The SDK sends the token as
// `authorization: Bearer` and `client-session-token`, with `withCredentials: true`, i.e. fetch(..., {credentials:
// 'include'}): the browser only lets the answers through if the server's CORS headers allow credentials for this origin.
import { SeamHttp } from '@seamapi/http'

const query = new URLSearchParams(window.location.search)
const endpoint = query.get('endpoint')
const token = query.get('token')

const $ = (id) => document.getElementById(id)
$('page-origin').textContent = window.location.origin
$('api-endpoint').textContent = endpoint ?? '(none)'

const describeError = (error) => {
  const details = [error.code && `code ${error.code}`, error.statusCode && `HTTP ${error.statusCode}`]
    .filter(Boolean)
    .join(', ')
  return `${error.name}: ${error.message}${details ? ` (${details})` : ''}`
}

function showError(call, error) {
  const item = document.createElement('li')
  item.dataset.call = call
  item.dataset.errorName = error.name
  // Readable cross-origin only because the server exposes seam-request-id (Access-Control-Expose-Headers).
  if (error.requestId) item.dataset.requestId = error.requestId
  item.textContent = `${call}: ${describeError(error)}`
  $('errors').append(item)
  document.body.dataset.state = 'error'
}

function showSession(session) {
  $('session').dataset.userIdentifierKey = session.user_identifier_key ?? ''
  $('session').textContent =
    `Signed in as ${session.user_identifier_key ?? '(no user key)'} · session ${session.client_session_id} · ` +
    `${session.device_count} device(s) granted`
}

function showDevices(devices) {
  for (const device of devices) {
    const item = document.createElement('li')
    item.dataset.deviceId = device.device_id
    const name = device.properties?.appearance?.name ?? device.properties?.name ?? device.display_name
    const id = Object.assign(document.createElement('code'), { textContent: device.device_id })
    item.append(`${name} — ${device.display_name} `, id)
    $('devices').append(item)
  }
}

if (!endpoint || !token) {
  showError('page', new Error('The page needs ?endpoint=...&token=...'))
} else {
  const seam = SeamHttp.fromClientSessionToken(token, { endpoint })
  // Both reads are made, whatever the other's outcome, and each failure is shown on its own.
  const [session, devices] = await Promise.allSettled([seam.clientSessions.get(), seam.devices.list()])
  if (session.status === 'fulfilled') showSession(session.value)
  else showError('clientSessions.get', session.reason)
  if (devices.status === 'fulfilled') showDevices(devices.value)
  else showError('devices.list', devices.reason)
  if (document.body.dataset.state === 'loading') document.body.dataset.state = 'done'
}
