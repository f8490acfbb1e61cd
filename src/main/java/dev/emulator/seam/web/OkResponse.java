package dev.emulator.seam.web;

/** The body of a route that returns nothing but success: {@code {"ok": true}}. */
public record OkResponse(boolean ok) {

	public static final OkResponse OK = new OkResponse(true);

}
