package org.newsflow.sink.api;

/**
 * A component the API's health endpoints report, besides the store (which the API checks itself): the sink's
 * consumer loop. Implementations must be cheap: probes call them every few seconds.
 */
@FunctionalInterface
public interface Health {
    /**
     * @param live false when only a restart helps (the loop died or stalled): fails {@code /api/health/live}
     * @param ready false when the component cannot do its work now (for example while the database is down)
     */
    record Component(String name, boolean live, boolean ready, String detail) {}

    Component check();
}
