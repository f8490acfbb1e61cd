/**
 * Thermostats: {@code /thermostats/*}, their HVAC and fan mode actions carried out as
 * action attempts.
 */
package dev.emulator.seam.thermostat;
