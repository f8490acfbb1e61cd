package dev.emulator.seam.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.emulator.seam.auth.CredentialStore.ClientSessionCredential;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees what (BEHAVIOUR 4.1, 4.2), decided without Spring or a database. */
class ResourceScopesTests {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	private final List<String> asked = new ArrayList<>();

	private final ClientSessionCredential johnsSession = new ClientSessionCredential("cs_john", "ws_1", "john",
			List.of("acct_john"), List.of("cw_john"), "ui_john", NOW.plusSeconds(3600), null);

	private final CredentialStore.ClientSessions sessions = new CredentialStore.ClientSessions() {

		@Override
		public Optional<ClientSessionCredential> findByToken(String token) {
			return Optional.empty();
		}

		@Override
		public Optional<ClientSessionCredential> liveSessionOfUser(String workspaceId, String key, Instant now) {
			ResourceScopesTests.this.asked.add(workspaceId + "/" + key + "@" + now);
			return ("ws_1".equals(workspaceId) && "john".equals(key))
					? Optional.of(ResourceScopesTests.this.johnsSession) : Optional.empty();
		}

		@Override
		public Optional<CredentialStore.PublishableKeyWorkspace> findByPublishableKey(String publishableKey,
				String userIdentifierKey) {
			return Optional.empty();
		}

	};

	private final ResourceScopes scopes = new ResourceScopes(this.sessions, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void ofWhenClientSessionThenOnlyWhatItOwnsWhateverKeyIsGiven() {
		ResourceScope scope = this.scopes
			.of(new ClientSessionAuth("ws_1", "cs_jane", "jane", List.of("acct_jane"), List.of(), null), "john");
		assertThat(scope.restricted()).isTrue();
		assertThat(scope.canSeeConnectedAccount("acct_jane")).isTrue();
		assertThat(scope.canSeeConnectedAccount("acct_john")).isFalse();
		assertThat(scope.canSeeClientSession("cs_jane")).isTrue();
		assertThat(this.asked).isEmpty();
	}

	@Test
	void ofWhenApiKeyWithoutUserThenWholeWorkspace() {
		ResourceScope scope = this.scopes.of(new ApiKeyAuth("ws_1", "key_1"), null);
		assertThat(scope.restricted()).isFalse();
		assertThat(scope.canSeeConnectedAccount("anything")).isTrue();
	}

	@Test
	void ofWhenApiKeyNamesUserThenThatUsersLiveSessionAtTheClocksTime() {
		ResourceScope scope = this.scopes.of(new ApiKeyAuth("ws_1", "key_1"), "john");
		assertThat(scope.canSeeConnectedAccount("acct_john")).isTrue();
		assertThat(scope.canSeeConnectWebview("cw_john")).isTrue();
		assertThat(scope.canSeeUserIdentity("ui_john")).isTrue();
		assertThat(scope.canSeeConnectedAccount("acct_jane")).isFalse();
		assertThat(this.asked).containsExactly("ws_1/john@" + NOW);
	}

	@Test
	void ofWhenApiKeyNamesUserWithoutLiveSessionThenNothing() {
		ResourceScope scope = this.scopes.of(new ApiKeyAuth("ws_2", "key_2"), "john");
		assertThat(scope.restricted()).isTrue();
		assertThat(scope.canSeeConnectedAccount("acct_john")).isFalse();
		assertThat(scope.canSeeClientSession("cs_john")).isFalse();
	}

	@Test
	void ofWhenPublishableKeyThenNothing() {
		ResourceScope scope = this.scopes.of(new PublishableKeyAuth("ws_1", "john"), null);
		assertThat(scope.restricted()).isTrue();
		assertThat(scope.canSeeUserIdentity("ui_john")).isFalse();
	}

}
