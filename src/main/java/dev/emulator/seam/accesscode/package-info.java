/**
 * Access codes: {@code /access_codes/list}, {@code get}, {@code create}, {@code update},
 * {@code delete} and {@code generate_code}. A code lives on one device and is seen by
 * whoever may see that device; creating or changing it starts an action attempt, whose
 * completion moves its status from {@code setting} to {@code set}.
 */
package dev.emulator.seam.accesscode;
