/**
 * Workspaces and the credentials that belong to them. {@link dev.emulator.seam.workspace.WorkspaceDirectory} is the
 * narrow public port the authentication providers use; everything else here is package-private.
 */
package dev.emulator.seam.workspace;
