package dev.emulator.seam.connectwebview;

import java.util.List;

import dev.emulator.seam.web.Paging;

/** Success bodies of the connect webview routes. */
final class ConnectWebviewResponses {

	private ConnectWebviewResponses() {
	}

	record One(ConnectWebviewView connectWebview, boolean ok) {

		static One of(ConnectWebviewView view) {
			return new One(view, true);
		}

	}

	record Many(List<ConnectWebviewView> connectWebviews, Paging.Pagination pagination, boolean ok) {

		static Many of(Paging.Page<ConnectWebviewView> page) {
			return new Many(page.items(), page.pagination(), true);
		}

	}

	/**
	 * The sandbox completion: the authorized webview, the account it connected and that
	 * account's devices.
	 */
	record Completed(ConnectWebviewView connectWebview, String connectedAccountId, List<String> deviceIds, boolean ok) {

		static Completed of(ConnectWebviewSandbox.Completion completion) {
			return new Completed(completion.connectWebview(), completion.connectedAccountId(), completion.deviceIds(),
					true);
		}

	}

}
