/**
 * Small, dependency-free helpers shared by features: hashing, secret generation, token
 * sealing and reading SQL arrays.
 */
package dev.emulator.seam.support;
