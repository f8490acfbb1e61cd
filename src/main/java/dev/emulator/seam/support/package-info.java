/**
 * Small, dependency-free helpers shared by features: hashing, secret generation, token
 * sealing, reading SQL arrays and errors, and the base of entities with assigned ids.
 */
package dev.emulator.seam.support;
