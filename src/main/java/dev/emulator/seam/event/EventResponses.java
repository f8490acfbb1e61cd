package dev.emulator.seam.event;

import java.util.List;

/** Success bodies of the event routes; neither has pagination (BEHAVIOUR 6.8). */
final class EventResponses {

	private EventResponses() {
	}

	record One(EventView event, boolean ok) {

		static One of(EventView event) {
			return new One(event, true);
		}

	}

	record Many(List<EventView> events, boolean ok) {

		static Many of(List<EventView> events) {
			return new Many(events, true);
		}

	}

}
