/**
 * Devices: {@code /devices/list} and {@code /devices/get} (CONTRACT 1.9, 4.3), which only ever show managed devices a
 * caller may see, and how many managed devices a set of connected accounts reaches ({@code device_count},
 * CONTRACT 3.0.3).
 */
package dev.emulator.seam.device;
