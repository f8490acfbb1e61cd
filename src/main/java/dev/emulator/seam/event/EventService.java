package dev.emulator.seam.event;

import java.util.List;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of {@code /events/list} and {@code /events/get}: an API key or personal
 * access token sees its workspace's events, a client session token only those about what
 * its session owns (BEHAVIOUR 4.6).
 */
@Service
class EventService {

	private final EventRepository events;

	private final ResourceScopes scopes;

	EventService(EventRepository events, ResourceScopes scopes) {
		this.events = events;
		this.scopes = scopes;
	}

	@Transactional(readOnly = true)
	public List<EventView> list(AuthContext auth, EventParams.ListFilter filter) {
		return this.events.search(scope(auth), filter);
	}

	/**
	 * The most recent visible event matching the criteria. An event the caller may not
	 * see is reported exactly like a missing one, 404 {@code event_not_found}: with
	 * {@code event_type} or {@code device_id} the lookup is a search, so "not yours" and
	 * "none" cannot be told apart anyway.
	 */
	@Transactional(readOnly = true)
	public EventView get(AuthContext auth, EventParams.Get criteria) {
		return this.events.findNewest(scope(auth), criteria)
			.orElseThrow(() -> ApiException.notFound(ErrorTypes.EVENT_NOT_FOUND, "Event not found"));
	}

	// events/list and events/get take no user_identifier_key in Seam's OpenAPI.
	private ResourceScope scope(AuthContext auth) {
		return this.scopes.of(auth, null);
	}

}
