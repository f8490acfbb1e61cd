package dev.emulator.seam.web;

/**
 * Seam's {@code error.type} values this server answers with (BEHAVIOUR 5.3).
 */
public final class ErrorTypes {

	public static final String UNAUTHORIZED = "unauthorized";

	public static final String INVALID_INPUT = "invalid_input";

	public static final String METHOD_NOT_ALLOWED = "method_not_allowed";

	public static final String NOT_FOUND = "not_found";

	public static final String PAYLOAD_TOO_LARGE = "payload_too_large";

	public static final String INTERNAL_SERVER_ERROR = "internal_server_error";

	public static final String SERVICE_UNAVAILABLE = "service_unavailable";

	public static final String TOO_MANY_REQUESTS = "too_many_requests";

	public static final String CLIENT_SESSION_NOT_FOUND = "client_session_not_found";

	public static final String CLIENT_SESSION_REVOKED = "client_session_revoked";

	public static final String CLIENT_SESSION_EXPIRED = "client_session_expired";

	public static final String INVALID_CLIENT_SESSION_TOKEN = "invalid_client_session_token";

	public static final String CLIENT_SESSION_TOKEN_ALREADY_EXISTS = "client_session_token_already_exists";

	public static final String INVALID_OPTIONS = "invalid_options";

	public static final String WORKSPACE_NOT_FOUND = "workspace_not_found";

	public static final String INVALID_PUBLISHABLE_KEY = "invalid_publishable_key";

	public static final String PUBLISHABLE_KEY_REQUIRES_USER_IDENTIFIER_KEY = "publishable_key_requires_user_identifier_key";

	public static final String PUBLISHABLE_KEYS_MUST_CREATE_EMPTY_CLIENT_SESSIONS = "publishable_keys_must_create_empty_client_sessions";

	public static final String DEVICE_NOT_FOUND = "device_not_found";

	public static final String CONNECTED_ACCOUNT_NOT_FOUND = "connected_account_not_found";

	private ErrorTypes() {
	}

	public static final String CONNECT_WEBVIEW_NOT_FOUND = "connect_webview_not_found";

	public static final String USER_IDENTITY_NOT_FOUND = "user_identity_not_found";

	public static final String USER_IDENTITY_KEY_ALREADY_EXISTS = "user_identity_key_already_exists";

	public static final String EVENT_NOT_FOUND = "event_not_found";

	// The admin routes' own (not Seam's: Seam has no such routes).

	public static final String API_KEY_NOT_FOUND = "api_key_not_found";

	public static final String API_KEY_REVOKED = "api_key_revoked";

	public static final String PUBLISHABLE_KEY_NOT_FOUND = "publishable_key_not_found";

}
