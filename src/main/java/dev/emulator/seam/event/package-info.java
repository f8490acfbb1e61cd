/**
 * Events: the workspace's log of what happened ({@code client_session.deleted}, {@code device.connected}, ...).
 */
package dev.emulator.seam.event;
