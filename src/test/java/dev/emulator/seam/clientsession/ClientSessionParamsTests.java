package dev.emulator.seam.clientsession;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.TestProperties;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.web.SeamParamsReader;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client session routes' parameters (BEHAVIOUR 3.6 to 3.13), read without Spring or a
 * database.
 */
class ClientSessionParamsTests {

	private final SeamParamsReader reader = new SeamParamsReader(TestProperties.emulator(Map.of()));

	@Test
	void createWhenEverythingGivenThenRecordWithIdsOnceEach() {
		ClientSessionParams.Create create = ClientSessionParams.Create.from(read("""
				{"user_identifier_key":"u1","connected_account_ids":["a","b","a"],
				 "expires_at":"2030-01-01T00:00:00.000Z","customer_key":"c"}"""));
		assertThat(create.userIdentifierKey()).isEqualTo("u1");
		assertThat(create.connectedAccountIds()).containsExactly("a", "b");
		assertThat(create.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(create.grantsAnything()).isTrue();
		assertThat(create.updatesAnything()).isTrue();
	}

	@Test
	void getOrCreateWhenCustomerKeyGivenThenIgnored() {
		ClientSessionParams.GetOrCreate getOrCreate = ClientSessionParams.GetOrCreate
			.from(read("{\"user_identifier_key\":\"u1\",\"customer_key\":\"c\"}"));
		assertThat(getOrCreate.create().customerKey()).isNull();
		assertThat(getOrCreate.create().updatesAnything()).isFalse();
	}

	@Test
	void createWhenEmptyUserKeyAndBadDateThenBothReported() {
		SeamParams params = read("{\"user_identifier_key\":\"\",\"expires_at\":\"tomorrow\"}");
		ClientSessionParams.Create.from(params);
		assertThatExceptionOfType(ApiException.class).isThrownBy(params::throwIfInvalid)
			.satisfies((ex) -> assertThat(ex.getValidationErrors()).containsKeys("user_identifier_key", "expires_at"));
	}

	@Test
	void listWhenWithoutUserIdentifierKeyGivenAsTextThenRefused() {
		SeamParams params = read("{\"without_user_identifier_key\":\"yes\"}");
		ClientSessionParams.ListFilter.from(params);
		assertThatExceptionOfType(ApiException.class).isThrownBy(params::throwIfInvalid)
			.withMessage("Expected boolean, received string for \"without_user_identifier_key\"");
	}

	@Test
	void revokeWhenNoIdThenRequired() {
		SeamParams params = read("{}");
		ClientSessionParams.ById.from(params);
		assertThatExceptionOfType(ApiException.class).isThrownBy(params::throwIfInvalid)
			.withMessage("client_session_id is required");
	}

	private SeamParams read(String json) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/client_sessions/x");
		request.setContentType("application/json");
		request.setContent(json.getBytes(StandardCharsets.UTF_8));
		return this.reader.read(request);
	}

}
