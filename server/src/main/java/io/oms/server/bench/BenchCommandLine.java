package io.oms.server.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The options the HTTP benchmarks ({@code oms bench}, {@code oms bench lifecycle}) share and their conventions:
 * {@code --name value} or {@code --name=value}, {@code --help}, a loopback-only {@code --url}, and the API key from
 * {@code --key} or the environment. Each command keeps its own defaults and limits and its own extra options.
 */
final class BenchCommandLine {
    static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    /** One {@code --name value} pair of the command line. */
    record Option(String name, String value) {}

    /** Thrown for {@code --help}: the command prints its usage and exits 0. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }

    private final int maxOrders;
    private final int maxConcurrency;
    private String url = "http://127.0.0.1:8080";
    private String key;
    private int orders;
    private int concurrency;
    private String account = "DU1234567";
    private String symbol = "AAPL";
    private int warmup;
    private int runs = 1;

    /** The shared options with this command's defaults; warmup is bounded like orders. */
    BenchCommandLine(int orders, int maxOrders, int concurrency, int maxConcurrency, int warmup) {
        this.orders = orders;
        this.maxOrders = maxOrders;
        this.concurrency = concurrency;
        this.maxConcurrency = maxConcurrency;
        this.warmup = warmup;
    }

    /**
     * The command line as options, read lazily so that errors (and {@code --help}) surface in the order they are
     * written.
     */
    static Iterable<Option> options(String[] args) {
        return () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < args.length;
            }

            @Override
            public Option next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String arg = args[i++];
                if (arg.equals("--help") || arg.equals("-h")) {
                    throw new HelpRequested();
                }
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (!name.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                if (value == null) {
                    if (i >= args.length) {
                        throw new IllegalArgumentException("missing value for " + name);
                    }
                    value = args[i++];
                }
                return new Option(name, value);
            }
        };
    }

    /** This command's default number of runs (before the command line is read). */
    void runs(int defaultRuns) {
        runs = defaultRuns;
    }

    /** Applies one of the shared options; anything else is an unknown option. */
    void accept(Option option) {
        String name = option.name();
        String value = option.value();
        switch (name) {
            case "--url" -> url = value;
            case "--key" -> key = value;
            case "--orders" -> orders = intArg(name, value, 1, maxOrders);
            case "--concurrency" -> concurrency = intArg(name, value, 1, maxConcurrency);
            case "--account" -> account = nonBlank(name, value);
            case "--symbol" -> symbol = nonBlank(name, value);
            case "--warmup" -> warmup = intArg(name, value, 0, maxOrders);
            case "--runs" -> runs = intArg(name, value, 1, 100);
            default -> throw new IllegalArgumentException("unknown option " + name);
        }
    }

    /** The key from --key, else OMS_API_KEY, else OMS_BOOTSTRAP_API_KEY; without one the command cannot run. */
    String apiKey(Map<String, String> env) {
        String found = key;
        for (String name : new String[] {"OMS_API_KEY", "OMS_BOOTSTRAP_API_KEY"}) {
            if (found == null || found.isBlank()) {
                found = env.get(name);
            }
        }
        if (found == null || found.isBlank()) {
            throw new IllegalArgumentException("no API key: pass --key or set OMS_API_KEY (or OMS_BOOTSTRAP_API_KEY)");
        }
        return found.strip();
    }

    String baseUrl() {
        return loopbackUrl(url);
    }

    int orders() {
        return orders;
    }

    int concurrency() {
        return concurrency;
    }

    String account() {
        return account;
    }

    String symbol() {
        return symbol;
    }

    int warmup() {
        return warmup;
    }

    int runs() {
        return runs;
    }

    /** Validates that the URL is http(s) on a loopback host and returns it without a trailing slash. */
    static String loopbackUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid --url '" + raw + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--url must be http:// or https://, got '" + raw + "'");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!LOOPBACK_HOSTS.contains(host)) {
            throw new IllegalArgumentException("refusing --url '" + raw + "': host must be loopback "
                    + "(127.0.0.1, localhost or ::1); the benchmark only targets a local OMS");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--url must not contain user info, query or fragment: '" + raw + "'");
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static int intArg(String name, String value, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects an integer, got '" + value + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }
}
