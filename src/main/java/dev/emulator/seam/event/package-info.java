/**
 * Events: the workspace's log of what happened ({@code client_session.deleted},
 * {@code device.connected}, ...). {@link dev.emulator.seam.event.EventLog} appends them
 * inside the transaction of the change they report; {@code /events/list} and
 * {@code /events/get} read them back, scoped to what the caller may see (BEHAVIOUR 4.6).
 */
package dev.emulator.seam.event;
