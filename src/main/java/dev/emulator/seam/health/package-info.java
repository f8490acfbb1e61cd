/** {@code GET /health}: whether the server can reach its database. */
package dev.emulator.seam.health;
