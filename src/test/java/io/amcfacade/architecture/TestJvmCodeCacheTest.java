package io.amcfacade.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The test JVM's code cache never fills (issue 22). The test JVMs compile with C1 only ({@code test.jvm.options}),
 * which alone gets the client VM's 48 MB code cache; surefire's JVM builds the application once per test profile and
 * filled it ("CodeCache is full. Compiler has been disabled."; peak 47.2 of 48 MB): HotSpot then compiles nothing new
 * until its sweeper has flushed compiled methods, which run interpreted until compiled again. HotSpot reports the cache
 * full before the last byte, so more than 80 % at its peak fails here. A plain JUnit class runs after every
 * {@code @QuarkusTest} class (Quarkus' class orderer), so this looks at the cache once every profile has been built
 * and run in this JVM.
 */
class TestJvmCodeCacheTest {

    @Test
    void theCodeCacheHasRoomLeftAfterTheApplicationTests() {
        List<MemoryPoolMXBean> codePools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.NON_HEAP)
                .filter(pool -> pool.getName().startsWith("CodeHeap") || pool.getName().equals("CodeCache"))
                .toList();
        assertThat(codePools).isNotEmpty();
        for (MemoryPoolMXBean pool : codePools) {
            long max = pool.getUsage().getMax();
            long peak = pool.getPeakUsage().getUsed();
            assertThat(peak).as("peak use of %s (%d of %d bytes): a full code cache stops the JIT compiler", pool.getName(),
                    peak, max).isLessThan(max / 10 * 8);
        }
    }
}
