/**
 * The API description this server publishes: {@code GET /openapi.json} (Seam's document
 * for the routes it shares with Seam, merged with a small document for this server's own
 * routes, with each operation's credentials taken from its
 * {@link dev.emulator.seam.auth.SeamRoute}) and a Swagger UI page over it at
 * {@code /swagger-ui/}.
 */
package dev.emulator.seam.openapi;
