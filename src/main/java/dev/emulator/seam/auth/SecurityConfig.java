package dev.emulator.seam.auth;

import java.time.Clock;
import java.util.List;

import dev.emulator.seam.web.ApiErrorWriter;
import dev.emulator.seam.web.SeamParamsReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import dev.emulator.seam.support.EmulatorProperties;

/**
 * One stateless filter chain: CORS, then {@link SeamAuthenticationFilter}. Authorization
 * is not Spring Security's job here: each route declares the credential kinds it accepts
 * ({@link SeamRoute}, checked by {@link SeamRouteInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig implements WebMvcConfigurer {

	/** BEHAVIOUR 1.4, the headers Seam's clients send. */
	private static final List<String> ALLOWED_HEADERS = List.of("x-csrf-token", "x-requested-with", "accept",
			"accept-version", "content-length", "content-md5", "content-type", "date", "x-api-version",
			"seam-workspace", "authorization", "user-agent", "seam-lts-version", "seam-sdk-version", "seam-sdk-name",
			"seam-publishable-key", "seam-client-session-token", "client-session-token", "seam-api-key",
			"seam-user-identifier-key", "user-identifier-key", "seam-customer-key");

	/**
	 * Spring Security's filters are not wrapped in observations: nothing reads them, and
	 * the wrapping cost about a twentieth of a cheap request (BENCHMARKS.md). Requests
	 * are still measured as a whole ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CredentialStore workspaces,
			CredentialStore.ClientSessions sessions, SeamParamsReader paramsReader, ApiErrorWriter errorWriter,
			Clock clock, EmulatorProperties properties, ConsoleSessionProperties consoleSessions) throws Exception {
		// The admin token (own header, /_admin routes only) first; then BEHAVIOUR 2.2, in
		// order: client session token, personal access token, console session (a JWT),
		// API key, publishable key.
		var converter = new DelegatingAuthenticationConverter(new AdminTokenAuthenticationConverter(),
				new ClientSessionTokenAuthenticationConverter(), new PersonalAccessTokenAuthenticationConverter(),
				new ConsoleSessionAuthenticationConverter(), new ApiKeyAuthenticationConverter(),
				new PublishableKeyAuthenticationConverter(paramsReader));
		var manager = new ProviderManager(new AdminTokenAuthenticationProvider(properties.adminToken()),
				new ClientSessionAuthenticationProvider(sessions, clock),
				new PersonalAccessTokenAuthenticationProvider(workspaces),
				new ConsoleSessionAuthenticationProvider(workspaces, consoleSessions.effectiveSecret(properties.seed()),
						clock),
				new ApiKeyAuthenticationProvider(workspaces, properties.adminToken()),
				new PublishableKeyAuthenticationProvider(sessions));
		manager.setEraseCredentialsAfterAuthentication(false);
		var authenticationFilter = new SeamAuthenticationFilter(converter, manager, errorWriter);
		http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors((cors) -> cors.configurationSource(corsConfigurationSource()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.addFilterBefore(authenticationFilter, AuthorizationFilter.class)
			.addFilterAfter(new RateLimitFilter(properties.rateLimit(), errorWriter), SeamAuthenticationFilter.class);
		return http.build();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SeamRouteInterceptor());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CurrentAuthArgumentResolver());
	}

	private static CorsConfigurationSource corsConfigurationSource() {
		CorsConfiguration cors = new CorsConfiguration();
		// The SDK sends credentials from the browser, so the origin is echoed (browsers
		// refuse "*" with credentials).
		cors.addAllowedOriginPattern("*");
		cors.setAllowCredentials(true);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(ALLOWED_HEADERS);
		cors.setExposedHeaders(List.of("seam-request-id"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
