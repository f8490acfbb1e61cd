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

try {
  if (!endpoint || !token) throw new Error('The page needs ?endpoint=...&token=...')
  const seam = SeamHttp.fromClientSessionToken(token, { endpoint })

  const session = await seam.clientSessions.get()
  $('session').dataset.userIdentifierKey = session.user_identifier_key ?? ''
  $('session').textContent =
    `Signed in as ${session.user_identifier_key ?? '(no user key)'} · session ${session.client_session_id} · ` +
    `${session.device_count} device(s) granted`

  const devices = await seam.devices.list()
  for (const device of devices) {
    const item = document.createElement('li')
    item.dataset.deviceId = device.device_id
    const name = device.properties?.appearance?.name ?? device.properties?.name ?? device.display_name
    item.append(`${name} — ${device.display_name} `, Object.assign(document.createElement('code'), {
      textContent: device.device_id,
    }))
    $('devices').append(item)
  }
  document.body.dataset.state = 'done'
} catch (error) {
  const details = [error.code && `code ${error.code}`, error.statusCode && `HTTP ${error.statusCode}`]
    .filter(Boolean)
    .join(', ')
  $('error').textContent = `${error.name}: ${error.message}${details ? ` (${details})` : ''}`
  $('error').dataset.errorName = error.name
  document.body.dataset.state = 'error'
}
