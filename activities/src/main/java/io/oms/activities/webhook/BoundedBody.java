package io.oms.activities.webhook;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code limit} bytes of a response body and stops reading there (a receiver answering with a huge
 * or endless body costs nothing). The excerpt is decoded as UTF-8, malformed bytes replaced.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<String> handler(int limit) {
        return info -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            int take = Math.min(b.remaining(), limit - kept.size());
            byte[] bytes = new byte[take];
            b.get(bytes);
            kept.write(bytes, 0, take);
        }
        if (kept.size() >= limit) {
            subscription.cancel();
            finish();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        finish(); // what was read is still worth keeping; the status already came
    }

    @Override
    public void onComplete() {
        finish();
    }

    private void finish() {
        result.complete(kept.toString(StandardCharsets.UTF_8));
    }
}
