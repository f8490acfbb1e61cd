/**
 * The seed fixture of Seam's fake ({@code SEAM_SEED=true}): loaded at start-up when
 * missing, restored by {@code POST /_sandbox/reset}, described by
 * {@code GET /_fake/default_seed}.
 */
package dev.emulator.seam.seed;
