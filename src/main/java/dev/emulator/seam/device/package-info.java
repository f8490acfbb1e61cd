/**
 * Devices. For now only what client sessions need of them: how many managed devices a set of connected accounts
 * reaches ({@code device_count}, CONTRACT 3.0.3).
 */
package dev.emulator.seam.device;
