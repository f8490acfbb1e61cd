package dev.emulator.seam.workspace;

import java.util.List;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ConsoleSessionAuth;
import dev.emulator.seam.auth.PersonalAccessTokenAuth;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.CONSOLE_SESSION_WITHOUT_WORKSPACE;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code /workspaces/get} (BEHAVIOUR 2.5, 4.7: the caller's own workspace) and
 * {@code /workspaces/list} (BEHAVIOUR 4.7: the caller's workspace, or every workspace of
 * a personal access token's user).
 */
@RestController
class WorkspaceController {

	private final WorkspaceDirectory directory;

	WorkspaceController(WorkspaceDirectory directory) {
		this.directory = directory;
	}

	@RequestMapping("/workspaces/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth) {
		// Only when the workspace went away after the credential was checked (Seam's
		// fake: workspaces/get.ts).
		WorkspaceView workspace = this.directory.findView(auth.workspaceId())
			.orElseThrow(() -> ApiException.notFound(ErrorTypes.WORKSPACE_NOT_FOUND, "Workspace not found"));
		return new One(workspace, true);
	}

	@RequestMapping("/workspaces/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION,
			PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE, CONSOLE_SESSION_WITHOUT_WORKSPACE })
	Many list(AuthContext auth) {
		// A user's credential, with or without seam-workspace, lists every workspace the
		// user is a member of.
		String userId = (auth instanceof PersonalAccessTokenAuth pat) ? pat.userId()
				: (auth instanceof ConsoleSessionAuth console) ? console.userId() : null;
		List<WorkspaceView> workspaces = (userId != null) ? this.directory.findViewsOfUser(userId)
				: this.directory.findView(auth.workspaceId()).stream().toList();
		return new Many(workspaces, true);
	}

	record One(WorkspaceView workspace, boolean ok) {
	}

	record Many(List<WorkspaceView> workspaces, boolean ok) {
	}

}
