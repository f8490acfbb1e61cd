/**
 * Who is calling and what they may see: the one place of authorization. Authentication is
 * organised by role as in Spring Authorization Server:
 * {@link dev.emulator.seam.auth.SeamAuthenticationFilter} runs converters (which
 * credential is this? {@code null} when not theirs) and providers (is it valid? which
 * workspace?), and leaves an {@link dev.emulator.seam.auth.AuthContext} for the routes.
 * Each route declares its methods and accepted credentials
 * ({@link dev.emulator.seam.auth.SeamRoute});
 * {@link dev.emulator.seam.auth.ResourceScopes} decides what a caller sees. Credentials
 * are read through {@link dev.emulator.seam.auth.CredentialStore}, which the features
 * that own them implement, so this package depends on no feature.
 */
package dev.emulator.seam.auth;
