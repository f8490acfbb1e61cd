package dev.emulator.seam.config;

import java.time.Clock;
import java.util.List;

import dev.emulator.seam.auth.AdminTokenAuthenticationConverter;
import dev.emulator.seam.auth.AdminTokenAuthenticationProvider;
import dev.emulator.seam.auth.ApiKeyAuthenticationConverter;
import dev.emulator.seam.auth.ApiKeyAuthenticationProvider;
import dev.emulator.seam.auth.ClientSessionAuthenticationProvider;
import dev.emulator.seam.auth.ClientSessionTokenAuthenticationConverter;
import dev.emulator.seam.auth.PersonalAccessTokenAuthenticationConverter;
import dev.emulator.seam.auth.PersonalAccessTokenAuthenticationProvider;
import dev.emulator.seam.auth.PublishableKeyAuthenticationConverter;
import dev.emulator.seam.auth.PublishableKeyAuthenticationProvider;
import dev.emulator.seam.auth.SeamAuthenticationFilter;
import dev.emulator.seam.clientsession.ClientSessionDirectory;
import dev.emulator.seam.web.ApiErrorWriter;
import dev.emulator.seam.web.RateLimitFilter;
import dev.emulator.seam.web.SeamParamsReader;
import dev.emulator.seam.workspace.WorkspaceDirectory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * One stateless filter chain: CORS, then {@link SeamAuthenticationFilter}. Authorization is not Spring Security's
 * job here: each route declares the credential kinds it accepts ({@link dev.emulator.seam.web.SeamRoute}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** CONTRACT 0.2, the headers Seam's clients send. */
	private static final List<String> ALLOWED_HEADERS = List.of("x-csrf-token", "x-requested-with", "accept",
			"accept-version", "content-length", "content-md5", "content-type", "date", "x-api-version",
			"seam-workspace", "authorization", "user-agent", "seam-lts-version", "seam-sdk-version", "seam-sdk-name",
			"seam-publishable-key", "seam-client-session-token", "client-session-token", "seam-api-key",
			"seam-user-identifier-key", "user-identifier-key", "seam-customer-key");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, WorkspaceDirectory workspaces,
			ClientSessionDirectory sessions, SeamParamsReader paramsReader, ApiErrorWriter errorWriter, Clock clock,
			EmulatorProperties properties) throws Exception {
		// The admin token (own header, /_admin routes only) first; then CONTRACT 2.2, in order: client session token,
		// personal access token, API key, publishable key.
		var converter = new DelegatingAuthenticationConverter(new AdminTokenAuthenticationConverter(),
				new ClientSessionTokenAuthenticationConverter(), new PersonalAccessTokenAuthenticationConverter(),
				new ApiKeyAuthenticationConverter(), new PublishableKeyAuthenticationConverter(paramsReader));
		var manager = new ProviderManager(new AdminTokenAuthenticationProvider(properties.adminToken()),
				new ClientSessionAuthenticationProvider(sessions, clock),
				new PersonalAccessTokenAuthenticationProvider(workspaces), new ApiKeyAuthenticationProvider(workspaces),
				new PublishableKeyAuthenticationProvider(workspaces));
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

	private static CorsConfigurationSource corsConfigurationSource() {
		CorsConfiguration cors = new CorsConfiguration();
		// The SDK sends credentials from the browser, so the origin is echoed (browsers refuse "*" with credentials).
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
