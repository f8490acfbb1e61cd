package dev.emulator.seam.event;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** {@code /events/list} and {@code /events/get} (BEHAVIOUR 2.5, 4.6). */
@RestController
class EventController {

	private final EventService service;

	EventController(EventService service) {
		this.service = service;
	}

	@RequestMapping("/events/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	EventResponses.Many list(AuthContext auth, EventParams.ListFilter filter) {
		return EventResponses.Many.of(this.service.list(auth, filter));
	}

	@RequestMapping("/events/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	EventResponses.One get(AuthContext auth, EventParams.Get params) {
		return EventResponses.One.of(this.service.get(auth, params));
	}

}
