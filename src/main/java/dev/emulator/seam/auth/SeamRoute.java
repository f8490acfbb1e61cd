package dev.emulator.seam.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Declares, next to a handler, which HTTP methods and which credentials a Seam route
 * accepts (the Java mirror of the route specs Seam's server declares). The handler is
 * mapped with {@code @RequestMapping(path)} and no method, so that
 * {@link SeamRouteInterceptor} can check in Seam's order: credentials first (401), then
 * the method (405).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SeamRoute {

	/**
	 * The accepted methods; any other gets 405 {@code method_not_allowed} naming these.
	 */
	RequestMethod[] methods();

	/**
	 * The accepted credential kinds; any other, or none, gets 401 {@code unauthorized}.
	 */
	AuthMethod[] auth() default {};

	/** Whether the route needs no credential at all (health, sandbox routes). */
	boolean anonymous() default false;

}
