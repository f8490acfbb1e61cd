package dev.emulator.seam.startup;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives back the memory that only start-up needed, once the server is ready: a plain
 * {@code java -jar} on a large machine starts with a heap of 1/64 of its memory (384 MB
 * on 24 GB) that the JVM keeps committed although an emulator's live set after start is
 * about 50 MB (docs/ARCHITECTURE.md, "Start-up").
 * <p>
 * The heap's free ratios are manageable flags: they are narrowed for one full collection,
 * which shrinks the heap to its live set, and then set back, so the heap grows under load
 * as it would have. Then the C heap's free pages go back to the system (glibc's
 * {@code malloc_trim}, through the {@code System.trim_native_heap} diagnostic command
 * where the JDK has it). A JVM started with {@code -Xms} keeps at least that.
 */
@Component
class MemoryTrimAfterStart {

	private static final Logger log = LoggerFactory.getLogger(MemoryTrimAfterStart.class);

	/**
	 * On a thread of its own, so that readiness (and {@code /health}) does not wait for
	 * the collections.
	 */
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void onReady(ApplicationReadyEvent event) {
		Thread thread = new Thread(MemoryTrimAfterStart::trim, "memory-trim-after-start");
		thread.setDaemon(true);
		thread.start();
	}

	static void trim() {
		MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		String min = null;
		String max = null;
		try {
			if (vm != null) {
				min = vm.getVMOption("MinHeapFreeRatio").getValue();
				max = vm.getVMOption("MaxHeapFreeRatio").getValue();
				// Min first: each must stay at most Max.
				vm.setVMOption("MinHeapFreeRatio", "0");
				vm.setVMOption("MaxHeapFreeRatio", "10");
			}
			// The serial collector shrinks its old generation by 0 %, 10 %, 40 %, then
			// all of
			// the excess on successive full collections; G1 at the first.
			long committed = Long.MAX_VALUE;
			for (int i = 0; i < 4; i++) {
				System.gc();
				long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
				if (i > 0 && now >= committed) {
					break;
				}
				committed = now;
			}
		}
		catch (RuntimeException ex) {
			log.debug("Could not narrow the heap after start: {}", ex.getMessage());
		}
		finally {
			restore(vm, min, max);
		}
		trimNativeHeap();
		MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		log.debug("Heap after start: {} MB committed ({} MB used), now {} MB ({} MB used)", before.getCommitted() >> 20,
				before.getUsed() >> 20, after.getCommitted() >> 20, after.getUsed() >> 20);
	}

	private static void restore(HotSpotDiagnosticMXBean vm, String min, String max) {
		if (vm == null || min == null || max == null) {
			return;
		}
		try {
			// Max first, back up: Min may not exceed it.
			vm.setVMOption("MaxHeapFreeRatio", max);
			vm.setVMOption("MinHeapFreeRatio", min);
		}
		catch (RuntimeException ex) {
			log.debug("Could not restore the heap's free ratios: {}", ex.getMessage());
		}
	}

	private static void trimNativeHeap() {
		try {
			ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
						new Object[] { new String[0] }, new String[] { String[].class.getName() });
		}
		catch (Exception ex) {
			// Not glibc, or a JDK without the command: nothing to give back this way.
			log.debug("No native heap trim: {}", ex.getMessage());
		}
	}

}
