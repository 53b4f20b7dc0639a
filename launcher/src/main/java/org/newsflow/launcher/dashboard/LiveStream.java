package org.newsflow.launcher.dashboard;

import io.javalin.http.sse.SseHandler;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.newsflow.contract.Json;
import org.newsflow.sink.api.ApiOperation;
import org.newsflow.sink.store.ArticleStoreListener;

/**
 * {@code GET /api/events/stream}: server-sent events, one {@code event: article} with {@code {"id","title","enrichedAt"}}
 * per stored article. The store tells this listener after each commit, on its writing thread; the events go out
 * from a thread of their own (a slow browser never holds up the sink), and when that thread falls behind by more
 * than a few hundred batches, batches are dropped: the page also polls, so a dropped event only delays a row.
 */
public final class LiveStream implements ArticleStoreListener {
    private static final int MAX_CLIENTS = 64;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256), r -> {
        Thread t = new Thread(r, "newsflow-dashboard-sse");
        t.setDaemon(true);
        return t;
    }, new ThreadPoolExecutor.DiscardPolicy());

    /** The route, documented: the sink registers it and lists it in its OpenAPI description. */
    public ApiOperation operation() {
        return new ApiOperation("/api/events/stream", "streamArticleEvents", PipelineRoutes.TAG, "Live article events",
                "Server-sent events: one 'event: article' with {\"id\",\"title\",\"enrichedAt\"} per article the store "
                        + "commits, after a first comment line ': connected'. At most 64 clients at once.",
                List.of(), null, "text/event-stream", false, false, new SseHandler(this::accept));
    }

    private void accept(SseClient client) {
        if (clients.size() >= MAX_CLIENTS) {
            client.sendComment("too many live clients; poll /api/articles instead");
            client.close();
            return;
        }
        client.keepAlive();
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.sendComment("connected");
    }

    @Override
    public void stored(List<StoredArticle> articles) {
        if (clients.isEmpty()) {
            return;
        }
        sender.execute(() -> send(articles)); // DiscardPolicy: a full queue drops the batch, never blocks or throws
    }

    private void send(List<StoredArticle> articles) {
        for (StoredArticle a : articles) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", a.id());
            data.put("title", a.title());
            data.put("enrichedAt", a.enrichedAt() == null ? null : a.enrichedAt().toString());
            String json = new String(Json.toBytes(data), java.nio.charset.StandardCharsets.UTF_8);
            for (SseClient c : clients) {
                if (c.terminated()) {
                    clients.remove(c);
                } else {
                    c.sendEvent("article", json);
                }
            }
        }
    }

    int clients() {
        return clients.size();
    }
}
