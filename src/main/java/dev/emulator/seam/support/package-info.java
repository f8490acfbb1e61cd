/**
 * Small, dependency-free helpers shared by features: hashing and secret generation.
 */
package dev.emulator.seam.support;
