/**
 * Devices: {@code /devices/list} and {@code /devices/get} (BEHAVIOUR 6.6, 4.3), which
 * only ever show managed devices a caller may see, and how many managed devices a set of
 * connected accounts reaches ({@code device_count}, BEHAVIOUR 3.3).
 */
package dev.emulator.seam.device;
