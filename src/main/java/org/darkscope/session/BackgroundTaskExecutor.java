package org.darkscope.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Work on a fixed number of daemon threads (never the UI thread), in submission order for one thread. */
public final class BackgroundTaskExecutor implements TaskExecutor {
    private static final System.Logger LOG = System.getLogger(BackgroundTaskExecutor.class.getName());
    private final ExecutorService pool;

    /**
     * @param name    thread name prefix (shown in thread dumps)
     * @param threads number of threads; 1 keeps the work in order
     */
    public BackgroundTaskExecutor(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(
                    () -> {
                        try {
                            r.run();
                        } catch (RuntimeException | Error e) {
                            LOG.log(System.Logger.Level.ERROR, "uncaught in " + name, e);
                            throw e;
                        }
                    },
                    name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, f);
    }

    @Override
    public void execute(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
