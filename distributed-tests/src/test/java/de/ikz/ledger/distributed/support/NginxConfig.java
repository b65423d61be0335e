package de.ikz.ledger.distributed.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of nginx's configuration language to answer where the gateway sends a request:
 * directives and blocks, {@code upstream} groups, a {@code map} of the request method, and prefix
 * or exact {@code location}s with their {@code proxy_pass}.
 */
public final class NginxConfig {

    private static final Pattern TOKEN = Pattern.compile("'([^']*)'|\"([^\"]*)\"|([{};])|([^\\s{};'\"]+)");

    /** A directive with its arguments, and the directives of its block if it has one. */
    public record Directive(String name, List<String> args, List<Directive> block) {

        public List<Directive> all(String name) {
            return block.stream().filter(d -> d.name.equals(name)).toList();
        }

        public Optional<Directive> first(String name) {
            return block.stream().filter(d -> d.name.equals(name)).findFirst();
        }
    }

    private final Directive root;

    private NginxConfig(Directive root) {
        this.root = root;
    }

    public static NginxConfig parse(String text) {
        List<String> tokens = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = TOKEN.matcher(stripComment(line));
            while (m.find()) {
                tokens.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(0));
            }
        }
        int[] at = {0};
        List<Directive> top = block(tokens, at);
        if (at[0] != tokens.size()) {
            throw new IllegalArgumentException("unbalanced braces in the nginx configuration");
        }
        return new NginxConfig(new Directive("", List.of(), top));
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static List<Directive> block(List<String> tokens, int[] at) {
        List<Directive> directives = new ArrayList<>();
        while (at[0] < tokens.size() && !tokens.get(at[0]).equals("}")) {
            String name = tokens.get(at[0]++);
            List<String> args = new ArrayList<>();
            while (!tokens.get(at[0]).equals(";") && !tokens.get(at[0]).equals("{")) {
                args.add(tokens.get(at[0]++));
            }
            if (tokens.get(at[0]++).equals("{")) {
                List<Directive> inner = block(tokens, at);
                if (at[0] >= tokens.size() || !tokens.get(at[0]++).equals("}")) {
                    throw new IllegalArgumentException("block of " + name + " is not closed");
                }
                directives.add(new Directive(name, List.copyOf(args), inner));
            } else {
                directives.add(new Directive(name, List.copyOf(args), List.of()));
            }
        }
        return directives;
    }

    public Directive http() {
        return root.first("http").orElseThrow(() -> new IllegalStateException("no http block"));
    }

    /** The servers ({@code host:port}) of each upstream group. */
    public Map<String, List<String>> upstreams() {
        Map<String, List<String>> upstreams = new LinkedHashMap<>();
        for (Directive upstream : http().all("upstream")) {
            upstreams.put(
                    upstream.args().get(0),
                    upstream.all("server").stream().map(s -> s.args().get(0)).toList());
        }
        return upstreams;
    }

    /** The upstream group a request goes to, or empty when the gateway answers it itself. */
    public Optional<String> upstreamFor(String method, String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        return location(path)
                .flatMap(l -> l.first("proxy_pass"))
                .map(p -> target(p.args().get(0), method));
    }

    /** The {@code location} that serves a path: an exact match, else the longest matching prefix. */
    public Optional<Directive> location(String path) {
        List<Directive> locations = http().all("server").stream()
                .flatMap(s -> s.all("location").stream())
                .toList();
        Optional<Directive> exact = locations.stream()
                .filter(l -> l.args().size() == 2
                        && l.args().get(0).equals("=")
                        && l.args().get(1).equals(path))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return locations.stream()
                .filter(l -> l.args().size() == 1 || l.args().get(0).equals("^~"))
                .filter(l -> path.startsWith(prefix(l)))
                .max(Comparator.comparingInt(l -> prefix(l).length()));
    }

    private static String prefix(Directive location) {
        return location.args().get(location.args().size() - 1);
    }

    private String target(String proxyPass, String method) {
        String target = proxyPass.replaceFirst("^https?://", "");
        if (!target.startsWith("$")) {
            return target;
        }
        String variable = target;
        Directive map = http().all("map").stream()
                .filter(m -> m.args().equals(List.of("$request_method", variable)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no map of $request_method to " + variable));
        return map.block().stream()
                .filter(entry -> entry.name().equals(method))
                .findFirst()
                .or(() -> map.first("default"))
                .map(entry -> entry.args().get(0))
                .orElseThrow();
    }
}
