// devices.list and devices.get under each way in (BEHAVIOUR 4.2, 4.3 and the expected reads of 7.1).
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'

import {
  apiError,
  apiKeyClient,
  clientSessionClient,
  ids,
  patClient,
  publishableKeyClient,
  resetSandbox,
  seed,
  unauthorized,
  uniqueKey,
} from '../lib/env.js'

before(resetSandbox)

/** The core of the device shape (BEHAVIOUR 6.6) that clients read. */
function assertDeviceShape(device) {
  for (const key of [
    'device_id',
    'device_type',
    'display_name',
    'connected_account_id',
    'workspace_id',
    'created_at',
    'is_managed',
    'capabilities_supported',
    'properties',
    'errors',
    'warnings',
    'custom_metadata',
  ]) {
    assert.ok(Object.hasOwn(device, key), `device ${device.device_id} lacks "${key}"`)
  }
  assert.equal(device.workspace_id, seed.workspace1)
  assert.equal(device.is_managed, true)
  assert.equal(typeof device.properties.online, 'boolean')
  assert.equal(typeof device.properties.name, 'string')
  assert.equal(typeof device.properties.appearance?.name, 'string')
}

describe('devices with a client session token (SeamHttp.fromClientSessionToken)', () => {
  const seam = clientSessionClient()

  it("devices.list returns john's four devices and no other", async () => {
    const devices = await seam.devices.list()
    assert.deepEqual(ids(devices), [...seed.johnDevices].sort())
    devices.forEach(assertDeviceShape)
    for (const device of devices) assert.equal(device.connected_account_id, seed.johnAccount)
  })

  it('devices.list ignores a user_identifier_key: the token decides', async () => {
    const devices = await seam.devices.list({ user_identifier_key: 'someone_else' })
    assert.deepEqual(ids(devices), [...seed.johnDevices].sort())
  })

  it('devices.get returns an owned device', async () => {
    const device = await seam.devices.get({ device_id: 'august_device_1' })
    assertDeviceShape(device)
    assert.equal(device.device_id, 'august_device_1')
    assert.equal(device.device_type, 'august_lock')
    assert.equal(device.properties.name, 'Fake August Lock 1')
  })

  it("devices.get of jane's schlage_device_id is SeamHttpUnauthorizedError", async () => {
    await unauthorized(seam.devices.get({ device_id: seed.janeDevice }))
  })

  it('devices.get of an unknown device is SeamHttpApiError device_not_found 404', async () => {
    await apiError(seam.devices.get({ device_id: 'unknown-device' }), 'device_not_found', 404)
  })

  it('devices.list with a revoked token is SeamHttpUnauthorizedError', async () => {
    const api = apiKeyClient()
    const session = await api.clientSessions.create({ user_identifier_key: uniqueKey(), connected_account_ids: [seed.johnAccount] })
    await api.clientSessions.revoke({ client_session_id: session.client_session_id })
    await unauthorized(clientSessionClient(session.token).devices.list(), /revoked/)
  })
})

describe('devices with an API key (SeamHttp.fromApiKey)', () => {
  it('API key 1: devices.list returns the five seeded devices', async () => {
    const devices = await apiKeyClient().devices.list()
    assert.deepEqual(ids(devices), [...seed.allDevices].sort())
    devices.forEach(assertDeviceShape)
  })

  it('API key 2 (empty workspace): devices.list returns none', async () => {
    assert.deepEqual(await apiKeyClient(seed.apiKey2).devices.list(), [])
  })

  it("devices.list({user_identifier_key: john}) returns john's four devices", async () => {
    const devices = await apiKeyClient().devices.list({ user_identifier_key: seed.johnKey })
    assert.deepEqual(ids(devices), [...seed.johnDevices].sort())
  })

  it('devices.list with an unknown user_identifier_key returns none', async () => {
    assert.deepEqual(await apiKeyClient().devices.list({ user_identifier_key: uniqueKey('nobody') }), [])
  })

  it("devices.get reads jane's device", async () => {
    const device = await apiKeyClient().devices.get({ device_id: seed.janeDevice })
    assert.equal(device.device_id, seed.janeDevice)
    assert.equal(device.connected_account_id, seed.janeAccount)
  })

  it('API key 2: devices.get of a workspace-1 device is device_not_found 404', async () => {
    await apiError(apiKeyClient(seed.apiKey2).devices.get({ device_id: 'august_device_1' }), 'device_not_found', 404)
  })
})

describe('devices with a personal access token (SeamHttp.fromPersonalAccessToken)', () => {
  it('devices.list returns the five seeded devices of seed_workspace_1', async () => {
    assert.deepEqual(ids(await patClient().devices.list()), [...seed.allDevices].sort())
  })

  it('devices.get reads a device', async () => {
    assert.equal((await patClient().devices.get({ device_id: 'ecobee_device_1' })).device_type, 'ecobee_thermostat')
  })
})

describe('devices through SeamHttp.fromPublishableKey', () => {
  it("john's publishable-key client lists john's four devices and reads august_device_1", async () => {
    const seam = await publishableKeyClient(seed.johnKey)
    assert.deepEqual(ids(await seam.devices.list()), [...seed.johnDevices].sort())
    assert.equal((await seam.devices.get({ device_id: 'august_device_1' })).device_id, 'august_device_1')
  })

  it('a new user’s empty session lists no devices', async () => {
    const seam = await publishableKeyClient(uniqueKey('pk-devices'))
    assert.deepEqual(await seam.devices.list(), [])
  })
})

describe('devices after updateClientSessionToken', () => {
  it("lists the new session's devices", async () => {
    const janeOnly = await apiKeyClient().clientSessions.create({
      user_identifier_key: uniqueKey(),
      connected_account_ids: [seed.janeAccount],
    })
    const seam = clientSessionClient()
    assert.deepEqual(ids(await seam.devices.list()), [...seed.johnDevices].sort())
    await seam.updateClientSessionToken(janeOnly.token)
    assert.deepEqual(ids(await seam.devices.list()), [seed.janeDevice])
    assert.equal((await seam.devices.get({ device_id: seed.janeDevice })).device_id, seed.janeDevice)
    await unauthorized(seam.devices.get({ device_id: 'august_device_1' }))
  })
})
