// Puts Seam Components' custom elements (@seamapi/react/elements.js, the framework-free bundle) on the page, pointed
// at the server under test. The query string says how: endpoint, then either token (client-session-token) or
// publishable_key and user_identifier_key; element (default seam-device-table) and device_id for the element shown
// below the connect button. The query string survives the Connect Webview's custom_redirect_url, which is this page.
import '/vendor/@seamapi/react/dist/elements.js'

const params = new URLSearchParams(globalThis.location.search)

function credentials(element) {
  element.setAttribute('endpoint', params.get('endpoint'))
  if (params.has('token')) {
    element.setAttribute('client-session-token', params.get('token'))
  } else {
    element.setAttribute('publishable-key', params.get('publishable_key'))
    element.setAttribute('user-identifier-key', params.get('user_identifier_key'))
  }
  return element
}

const button = credentials(document.createElement('seam-connect-account-button'))
document.getElementById('toolbar').append(button)

const element = credentials(document.createElement(params.get('element') ?? 'seam-device-table'))
if (params.has('device_id')) element.setAttribute('device-id', params.get('device_id'))
document.getElementById('app').append(element)
document.body.dataset.ready = 'true'
