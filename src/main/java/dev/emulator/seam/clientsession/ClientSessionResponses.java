package dev.emulator.seam.clientsession;

import java.util.List;

/** Success bodies of the client session routes. */
final class ClientSessionResponses {

	private ClientSessionResponses() {
	}

	record One(ClientSessionView clientSession, boolean ok) {

		static One of(ClientSessionView view) {
			return new One(view, true);
		}

	}

	record Many(List<ClientSessionView> clientSessions, boolean ok) {

		static Many of(List<ClientSessionView> views) {
			return new Many(views, true);
		}

	}

}
