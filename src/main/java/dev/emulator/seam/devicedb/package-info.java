/**
 * Seam's device database, as the supported-device table of Seam Components reads it:
 * {@code /internal/devicedb/v1/manufacturers/*} and
 * {@code /internal/devicedb/v1/device_models/*} answered from a catalogue bundled with
 * the server (the seed of Seam's fake device database), and the catalogue's images. The
 * catalogue is reference data, the same for every workspace; the routes only check the
 * credential (BEHAVIOUR 4.9).
 */
package dev.emulator.seam.devicedb;
