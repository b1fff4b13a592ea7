package io.oms.server.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * What every benchmark command does around its own work: parse the command line ({@code --help} prints the
 * usage and exits 0, a bad argument prints the problem and the usage and exits 2), run, and turn an interrupt
 * into exit 130. HTTP benchmarks also share one kind of client: HTTP/1.1, bounded connect, no redirects.
 */
final class BenchCommand {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    interface Parser<O> {
        O parse(String[] args, Map<String, String> env);
    }

    interface Body<O> {
        int run(O options) throws InterruptedException;
    }

    interface HttpBody<O> {
        int run(O options, HttpClient http) throws InterruptedException;
    }

    private BenchCommand() {}

    /** {@code name} prefixes every message, e.g. {@code "bench read"}. */
    static <O> int run(String name, String usage, String[] args, PrintStream out, PrintStream err,
                       Map<String, String> env, Parser<O> parser, Body<O> body) {
        O options;
        try {
            options = parser.parse(args, env);
        } catch (BenchCommandLine.HelpRequested h) {
            out.print(usage);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            err.print(usage);
            return 2;
        }
        try {
            return body.run(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted");
            return 130;
        }
    }

    /** As {@link #run}, with an HTTP client open for the body and closed after it. */
    static <O> int runHttp(String name, String usage, String[] args, PrintStream out, PrintStream err,
                           Map<String, String> env, Parser<O> parser, HttpBody<O> body) {
        return run(name, usage, args, out, err, env, parser, options -> {
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build()) {
                return body.run(options, http);
            }
        });
    }
}
