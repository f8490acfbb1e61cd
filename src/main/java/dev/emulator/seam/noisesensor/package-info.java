/**
 * Noise sensors: {@code /noise_sensors/noise_thresholds/*}. A threshold belongs to a
 * noise sensor device; its writes answer an action attempt, as Seam's do.
 */
package dev.emulator.seam.noisesensor;
