/**
 * Authentication, organised by role as in Spring Authorization Server: {@link dev.emulator.seam.auth.SeamAuthenticationFilter}
 * runs converters (which credential is this? {@code null} when not theirs) and providers (is it valid? which
 * workspace?), and leaves an {@link dev.emulator.seam.auth.AuthContext} for controllers. Which credential kinds a
 * route accepts is declared on the route ({@link dev.emulator.seam.web.SeamRoute}).
 */
package dev.emulator.seam.auth;
