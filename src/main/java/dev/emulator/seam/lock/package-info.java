/**
 * Locks: {@code /locks/get}, {@code /locks/list}, {@code /locks/lock_door} and
 * {@code /locks/unlock_door}. A lock is a device of a lock device type; locking and
 * unlocking are action attempts whose completion sets the device's
 * {@code properties.locked} and records {@code lock.locked} or {@code lock.unlocked}.
 */
package dev.emulator.seam.lock;
