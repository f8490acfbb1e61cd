/**
 * Wiring only: configuration properties, the clock, the security filter chain, JSON
 * settings, the transaction manager and the embedded PostgreSQL that starts when no
 * datasource is configured. No business rules live here.
 */
package dev.emulator.seam.config;
