/**
 * Workspaces and the credentials that belong to them.
 * {@link dev.emulator.seam.workspace.WorkspaceDirectory} is the narrow public port the
 * authentication providers use; everything else here is package-private, including the
 * provisioning behind the {@code /_admin/*} routes (workspaces, API keys, publishable
 * keys) and the first-start bootstrap.
 */
package dev.emulator.seam.workspace;
